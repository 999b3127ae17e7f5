import { z } from 'zod';
import { reserveInvitationSlot } from '@/lib/distribution/pace';
import { sendInvitation } from '@/lib/distribution/send';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** Waits shorter than this are slept in the worker; longer ones put the job back in the queue. */
const SLEEP_UP_TO_MS = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One survey invitation email, at its tenant's rate (lib/distribution/pace.ts) under the instance's
 * ceiling (the invitations queue's limiter, INVITATION_MAIL_RATE). The job reserves its moment once;
 * a moment more than a second away puts the job back until then, with the moment in its payload
 * (`slotAt`), so it does not reserve again when it comes back.
 */
export default defineJob({
  name: 'send-invitation',
  queue: 'invitations',
  schema: EVENT_SCHEMAS['invitation.send'].extend({ slotAt: z.number().int().optional() }),
  trigger: { event: 'invitation.send' },
  handle: async ({ slotAt, ...p }, { log, delay }) => {
    const wait = slotAt === undefined ? await reserveInvitationSlot(p.tenantId) : slotAt - Date.now();
    if (wait > SLEEP_UP_TO_MS && delay) await delay(wait, { slotAt: Date.now() + wait });
    if (wait > 0) await sleep(wait);
    return sendInvitation(p, { log });
  },
});
