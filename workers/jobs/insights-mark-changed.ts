import { markResponseDay } from '@/lib/insights/rollup';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** An answer changed category: its day, if already rolled up, is marked dirty for the next rollup. */
export default defineJob({
  name: 'insights-mark-changed',
  queue: 'loop',
  schema: EVENT_SCHEMAS['response.changed'],
  trigger: { event: 'response.changed' },
  handle: (p) => markResponseDay(p),
});
