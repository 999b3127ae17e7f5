import { sendEscalation } from '@/lib/followup/escalation';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** One escalation mail (assignee reminder or escalation contact), on the notifications queue. */
export default defineJob({
  name: 'send-escalation',
  queue: 'notifications',
  schema: EVENT_SCHEMAS['task.escalation'],
  trigger: { event: 'task.escalation' },
  handle: (p, { log }) => sendEscalation(p, { log }),
});
