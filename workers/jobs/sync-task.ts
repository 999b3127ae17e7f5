import { syncTaskWithResponse } from '@/lib/followup/sync-task';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** A changed answer: the open task takes the new category and SLA. */
export default defineJob({
  name: 'sync-task',
  queue: 'loop',
  schema: EVENT_SCHEMAS['response.changed'],
  trigger: { event: 'response.changed' },
  handle: (p, { log }) => syncTaskWithResponse(p, { log }),
});
