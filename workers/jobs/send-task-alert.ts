import { sendTaskAlert } from '@/lib/followup/alert';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** The alert to a task's assignee: on the notifications queue, never behind a send wave. */
export default defineJob({
  name: 'send-task-alert',
  queue: 'notifications',
  schema: EVENT_SCHEMAS['task.alert'],
  trigger: { event: 'task.alert' },
  handle: (p, { log }) => sendTaskAlert(p, { log }),
});
