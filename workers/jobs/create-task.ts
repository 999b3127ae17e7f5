import { createTaskForResponse } from '@/lib/followup/create-task';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** Every answer gets its follow-up task (and the task announces its alert). */
export default defineJob({
  name: 'create-task',
  queue: 'loop',
  schema: EVENT_SCHEMAS['response.submitted'],
  trigger: { event: 'response.submitted' },
  handle: (p, { log }) => createTaskForResponse(p, { log }),
});
