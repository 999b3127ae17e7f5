import { deliverReply } from '@/lib/followup/reply';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** The account manager's reply to the customer: a person waits for it, so the notifications queue. */
export default defineJob({
  name: 'send-customer-reply',
  queue: 'notifications',
  schema: EVENT_SCHEMAS['task.reply'],
  trigger: { event: 'task.reply' },
  handle: (p, { log }) => deliverReply(p, { log }),
});
