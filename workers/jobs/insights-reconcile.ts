import { reconcile } from '@/lib/insights/rollup';
import { defineJob, ZScheduledPayload } from '@/lib/queue/jobs';

/** Proves the insights rollups equal the answers; marks differing days for repair. Cadence: SCHEDULE_INSIGHTS_RECONCILE. */
export default defineJob({
  name: 'insights-reconcile',
  queue: 'scheduled',
  schema: ZScheduledPayload,
  trigger: { schedule: 'SCHEDULE_INSIGHTS_RECONCILE' },
  handle: (_p, { log }) => reconcile(log),
});
