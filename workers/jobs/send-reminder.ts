import { sendReminder } from '@/lib/distribution/reminders';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** One reminder email (same links as the invitation), at INVITATION_MAIL_RATE on the invitations queue. */
export default defineJob({
  name: 'send-reminder',
  queue: 'invitations',
  schema: EVENT_SCHEMAS['invitation.remind'],
  trigger: { event: 'invitation.remind' },
  handle: (p, { log }) => sendReminder(p, { log }),
});
