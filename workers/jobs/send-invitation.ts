import { sendInvitation } from '@/lib/distribution/send';
import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';

/** One survey invitation email, at INVITATION_MAIL_RATE on the invitations queue. */
export default defineJob({
  name: 'send-invitation',
  queue: 'invitations',
  schema: EVENT_SCHEMAS['invitation.send'],
  trigger: { event: 'invitation.send' },
  handle: (p, { log }) => sendInvitation(p, { log }),
});
