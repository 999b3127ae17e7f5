import { rollUp } from '@/lib/insights/rollup';
import { defineJob, ZScheduledPayload } from '@/lib/queue/jobs';

/** Takes the days that closed into the insights rollups and recomputes dirty days. Cadence: SCHEDULE_INSIGHTS_ROLLUP. */
export default defineJob({
  name: 'insights-rollup',
  queue: 'scheduled',
  schema: ZScheduledPayload,
  trigger: { schedule: 'SCHEDULE_INSIGHTS_ROLLUP' },
  handle: (_p, { log, now }) => rollUp(now, log),
});
