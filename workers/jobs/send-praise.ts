import { deliverPraise } from '@/lib/followup/reply';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** A promoter's compliment to the colleagues it was shared with. */
export default defineJob({
  name: 'send-praise',
  queue: 'notifications',
  schema: EVENT_SCHEMAS['task.praise'],
  trigger: { event: 'task.praise' },
  handle: (p, { log }) => deliverPraise(p, { log }),
});
