import { runRelationshipCadence } from '@/lib/distribution/relationship';
import { defineJob, ZScheduledPayload } from '@/lib/queue/jobs';

/**
 * The relationship surveys' share of the day: every relationship touchpoint invites its due contacts'
 * daily quota (lib/distribution/relationship.ts). Cadence: SCHEDULE_RELATIONSHIP (default daily at
 * 07:00 in SCHEDULE_TZ); idempotent per day, so an extra run adds nothing.
 */
export default defineJob({
  name: 'relationship-cadence',
  queue: 'scheduled',
  schema: ZScheduledPayload,
  trigger: { schedule: 'SCHEDULE_RELATIONSHIP' },
  handle: (_p, { log, now }) => runRelationshipCadence(now, log),
});
