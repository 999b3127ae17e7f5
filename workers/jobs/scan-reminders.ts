import { scanReminders } from '@/lib/distribution/reminders';
import { defineJob, ZScheduledPayload } from '@/lib/queue/jobs';

/** Finds the reminders due as of `now` and claims each once (queued or skipped). Cadence: SCHEDULE_REMINDERS. */
export default defineJob({
  name: 'scan-reminders',
  queue: 'scheduled',
  schema: ZScheduledPayload,
  trigger: { schedule: 'SCHEDULE_REMINDERS' },
  handle: (_p, { log, now }) => scanReminders(now, log),
});
