import { sendDigest } from '@/lib/followup/digest';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** One account manager's daily digest, on the notifications queue. */
export default defineJob({
  name: 'send-digest',
  queue: 'notifications',
  schema: EVENT_SCHEMAS['digest.ready'],
  trigger: { event: 'digest.ready' },
  handle: (p, { log }) => sendDigest(p, { log }),
});
