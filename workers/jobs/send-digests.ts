import { scanDigests } from '@/lib/followup/digest';
import { defineJob, ZScheduledPayload } from '@/lib/queue/jobs';

/** Decides the account managers' digests once their tenant's 08:00 on a business day has come. Cadence: SCHEDULE_DIGESTS. */
export default defineJob({
  name: 'send-digests',
  queue: 'scheduled',
  schema: ZScheduledPayload,
  trigger: { schedule: 'SCHEDULE_DIGESTS' },
  handle: (_p, { log, now }) => scanDigests(now, log),
});
