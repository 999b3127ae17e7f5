import { scanEscalations } from '@/lib/followup/escalation';
import { defineJob, ZScheduledPayload } from '@/lib/queue/jobs';

/** Decides the escalation steps due as of `now` (each once). Cadence: SCHEDULE_ESCALATIONS. */
export default defineJob({
  name: 'scan-escalations',
  queue: 'scheduled',
  schema: ZScheduledPayload,
  trigger: { schedule: 'SCHEDULE_ESCALATIONS' },
  handle: (_p, { log, now }) => scanEscalations(now, log),
});
