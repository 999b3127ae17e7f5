import { EVENT_SCHEMAS } from '@/lib/queue/events';
import { defineJob } from '@/lib/queue/jobs';
import { sendMemberInvite } from '@/lib/tenancy/invite-mail';

/** The mail to a new member of an organisation. */
export default defineJob({
  name: 'send-member-invite',
  queue: 'notifications',
  schema: EVENT_SCHEMAS['member.invited'],
  trigger: { event: 'member.invited' },
  handle: (p, { log }) => sendMemberInvite(p, { log }),
});
