import type { Logger } from 'pino';
import { sendInvitation } from '../distribution/send';
import { createTaskForResponse } from '../followup/create-task';
import { sendTaskAlert } from '../followup/alert';
import { syncTaskWithResponse } from '../followup/sync-task';
import { sendMemberInvite } from '../tenancy/invite-mail';
import { EVENT_SCHEMAS, type TEventPayload, type TEventType } from './events';

/**
 * The job registry: one entry per event type, {schema, handle}. The payload is parsed before the
 * handler runs. Handlers are idempotent: a job may run twice (retry, relay republish after a crash).
 */
type Handlers = { [K in TEventType]: (payload: TEventPayload<K>, log: Logger) => Promise<unknown> };

export const HANDLERS: Handlers = {
  'invitation.send': (p) => sendInvitation(p),
  'response.submitted': (p) => createTaskForResponse(p),
  'response.changed': (p) => syncTaskWithResponse(p),
  'task.alert': (p) => sendTaskAlert(p),
  'member.invited': (p) => sendMemberInvite(p),
};

export class UnknownJobError extends Error {}

export async function runJob(name: string, data: unknown, log: Logger): Promise<unknown> {
  if (!(name in EVENT_SCHEMAS)) throw new UnknownJobError(`unknown job ${name}`);
  const type = name as TEventType;
  const payload = EVENT_SCHEMAS[type].parse(data);
  const handle = HANDLERS[type] as (p: unknown, log: Logger) => Promise<unknown>;
  return handle(payload, log);
}
