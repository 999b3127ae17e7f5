import type { Logger } from 'pino';
import { withTenant } from '../db';
import { env } from '../env';
import { messages } from '../i18n';
import { mailLocale, withLang } from '../i18n/rule';
import { logger } from '../log';
import { memberInviteMail } from '../mail/templates';
import { messageIdFor, sendMail } from '../mail/transport';
import type { TEventPayload } from '../queue/events';

/** Job handler: emails a new member their invitation, in their language (else the tenant's). */
export async function sendMemberInvite(
  p: TEventPayload<'member.invited'>,
  { log = logger }: { log?: Logger } = {},
) {
  const found = await withTenant(p.tenantId, async (tx) => {
    const m = await tx.membership.findUnique({
      where: { tenantId_id: { tenantId: p.tenantId, id: p.membershipId } },
      select: {
        role: true,
        user: { select: { email: true, locale: true } },
        tenant: { select: { name: true, defaultLocale: true } },
      },
    });
    const inviter = await tx.user.findFirst({
      where: { id: p.inviterUserId, memberships: { some: { tenantId: p.tenantId } } },
      select: { name: true, email: true },
    });
    return m && { m, inviter };
  });
  if (!found) {
    log.info({ membershipId: p.membershipId }, 'membership removed before its invitation was sent');
    return;
  }
  const { m, inviter } = found;
  const locale = mailLocale(m.user.locale, m.tenant.defaultLocale);
  const url = withLang(`${env().APP_URL}/signin?email=${encodeURIComponent(m.user.email)}`, locale);
  const mail = await memberInviteMail(locale, {
    inviter: inviter?.name ?? inviter?.email ?? 'Kringloop',
    tenant: m.tenant.name,
    role: messages(locale).common.roles[m.role],
    url,
  });
  // A retry of this job sends the same Message-ID.
  await sendMail(
    { to: m.user.email, ...mail, fromName: m.tenant.name, messageId: messageIdFor('member', p.membershipId) },
    'direct',
  );
}
