import { createInvitations } from '@/lib/distribution/create';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/**
 * Creates the invitations of a confirmed (or resumed) send, batch by batch with set-based SQL, and
 * announces each invitation to the sender. A run killed midway is run again and continues from the
 * send's cursor.
 */
export default defineJob({
  name: 'create-invitations',
  queue: 'sends',
  schema: EVENT_SCHEMAS['distribution.confirmed'],
  trigger: { event: 'distribution.confirmed' },
  handle: (p, { log }) => createInvitations(p, { log }),
});
