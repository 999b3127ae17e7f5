import { markResponseDay } from '@/lib/insights/rollup';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** A new answer whose day is already rolled up (around midnight, a backfill) marks that day dirty; today's mark nothing. */
export default defineJob({
  name: 'insights-mark-late',
  queue: 'loop',
  schema: EVENT_SCHEMAS['response.submitted'],
  trigger: { event: 'response.submitted' },
  handle: (p) => markResponseDay(p),
});
