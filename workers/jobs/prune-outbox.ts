import { defineJob, ZScheduledPayload } from '@/lib/queue/jobs';
import { pruneOutbox } from '@/lib/queue/relay';

/** Deletes published outbox events past the deduplication window. Cadence: SCHEDULE_OUTBOX_PRUNE. */
export default defineJob({
  name: 'prune-outbox',
  queue: 'scheduled',
  schema: ZScheduledPayload,
  trigger: { schedule: 'SCHEDULE_OUTBOX_PRUNE' },
  handle: (_p, { log, now }) => pruneOutbox(now, log),
});
