import { resumeInvitations } from '@/lib/distribution/create';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** A resumed send: finishes creating its invitations and announces the waiting ones again. */
export default defineJob({
  name: 'resume-send',
  queue: 'sends',
  schema: EVENT_SCHEMAS['distribution.resumed'],
  trigger: { event: 'distribution.resumed' },
  handle: (p, { log }) => resumeInvitations(p, { log }),
});
