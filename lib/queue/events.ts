import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../db';

/**
 * Every side effect leaves Postgres as an outbox event, written in the same transaction as the state
 * change it announces. Payloads carry ids only, never personal data, because they end up in Redis.
 *
 * The catalogue of event types and their payloads lives here, beside the writer, because the services
 * that write events need the types; which jobs an event triggers (and on which queue) is the worker's
 * business (workers/registry.ts), so this file knows no capability.
 */
const ids = <T extends z.ZodRawShape>(shape: T) => z.object({ tenantId: z.uuid(), ...shape }).strict();

export const EVENT_SCHEMAS = {
  'invitation.send': ids({ invitationId: z.uuid() }),
  /** The reminder scan claimed this invitation's one reminder. */
  'invitation.remind': ids({ invitationId: z.uuid() }),
  /** A CX manager confirmed a send (or resumed it): its invitations are created in batches. */
  'distribution.confirmed': ids({ distributionId: z.uuid() }),
  /** A paused send resumed: creation goes on, waiting invitations are announced again. */
  'distribution.resumed': ids({ distributionId: z.uuid() }),
  'response.submitted': ids({ responseId: z.uuid() }),
  /** An answer changed category after its task may exist: the open task follows. */
  'response.changed': ids({ responseId: z.uuid() }),
  'task.alert': ids({ taskId: z.uuid() }),
  /** The escalation scan decided one escalation mail (a TaskEscalation row). */
  'task.escalation': ids({ escalationId: z.uuid() }),
  /** The digest scan decided an account manager's daily digest, and it has something in it. */
  'digest.ready': ids({ digestId: z.uuid() }),
  'member.invited': ids({ membershipId: z.uuid(), inviterUserId: z.uuid() }),
  /** An account manager's reply to the customer, queued on the task. */
  'task.reply': ids({ customerContactId: z.uuid() }),
  /** A promoter's comment shared with colleagues. */
  'task.praise': ids({ praiseShareId: z.uuid() }),
} as const;

export type TEventType = keyof typeof EVENT_SCHEMAS;
export type TEventPayload<T extends TEventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

export interface OutboxRow {
  tenantId: string;
  id: string;
  type: TEventType;
  payload: unknown;
}

/** Builds an outbox row; insert it with the transaction that made the change. */
export function outboxRow<T extends TEventType>(type: T, payload: TEventPayload<T>): OutboxRow {
  return { tenantId: payload.tenantId, id: uuidv7(), type, payload: EVENT_SCHEMAS[type].parse(payload) };
}

export async function writeOutbox<T extends TEventType>(tx: Tx, type: T, payload: TEventPayload<T>) {
  const row = outboxRow(type, payload);
  await tx.outboxEvent.create({ data: { ...row, payload: row.payload as object } });
  return row.id;
}
