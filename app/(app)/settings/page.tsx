import { InviteForm } from '@/components/settings/invite-form';
import { MembersTable } from '@/components/settings/members-table';
import { TenantSettingsForm } from '@/components/settings/tenant-settings-form';
import { TenantSettingsView } from '@/components/settings/tenant-settings-view';
import type { TenantSettingsValues } from '@/components/settings/tenant-settings';
import { Card, CardTitle, PageHeader } from '@/components/ui/card';
import { can, ROLES } from '@/lib/auth/permissions';
import { guardPage } from '@/lib/http/guard';
import { LOCALES, messages } from '@/lib/i18n';
import { getTenant, listMembers } from '@/lib/tenancy/service';
import { inviteColleague, saveTenantSettings } from './actions';

/** Everyone in the tenant may see the settings and the team; changing them takes a CX manager. */
export default async function SettingsPage() {
  const ctx = await guardPage('member.read');
  const m = messages(ctx.locale);
  const t = m.settings;
  const [tenant, members] = await Promise.all([getTenant(ctx), listMembers(ctx)]);
  const values: TenantSettingsValues = {
    name: tenant.name,
    senderName: tenant.senderName,
    defaultLocale: tenant.defaultLocale,
    timeZone: tenant.timeZone,
    throttleDays: tenant.throttleDays,
    slaDetractorDays: tenant.slaDetractorDays,
    slaPassiveDays: tenant.slaPassiveDays,
    slaPromoterDays: tenant.slaPromoterDays,
    replyToMode: tenant.replyToMode,
    replyToAddress: tenant.replyToAddress,
  };
  // Only an owner may make another owner; the service refuses it too.
  const roles = ROLES.filter((r) => r !== 'OWNER' || can(ctx.role, 'member.grantOwner')).map((r) => ({
    value: r,
    label: m.common.roles[r],
    help: t.team.roleHelp[r],
  }));

  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <div className="space-y-6">
        <Card aria-labelledby="org-title">
          <CardTitle>
            <span id="org-title">{t.orgTitle}</span>
          </CardTitle>
          {can(ctx.role, 'tenant.manage') ? (
            <TenantSettingsForm locale={ctx.locale} action={saveTenantSettings} values={values} />
          ) : (
            <TenantSettingsView locale={ctx.locale} values={values} />
          )}
        </Card>
        <Card aria-labelledby="team-title">
          <CardTitle>
            <span id="team-title">{m.auth.membersTitle}</span>
          </CardTitle>
          <p className="mb-3 text-sm text-zinc-600">{t.team.intro}</p>
          <MembersTable
            rows={members}
            locale={ctx.locale}
            timeZone={tenant.timeZone}
            currentUserId={ctx.userId}
          />
        </Card>
        {can(ctx.role, 'member.manage') && (
          <Card aria-labelledby="invite-title">
            <CardTitle>
              <span id="invite-title">{m.auth.inviteTitle}</span>
            </CardTitle>
            <InviteForm
              action={inviteColleague}
              roles={roles}
              defaultRole="ACCOUNT_MANAGER"
              languages={LOCALES.map((l) => ({ value: l, label: m.common.languages[l] }))}
              defaultLanguage={tenant.defaultLocale}
              texts={{
                title: m.auth.inviteTitle,
                email: m.auth.inviteEmail,
                name: t.team.inviteName,
                role: m.auth.inviteRole,
                language: m.auth.inviteLanguage,
                languageHint: m.auth.inviteLanguageHint,
                hint: t.team.inviteHint,
                submit: m.auth.inviteSend,
              }}
            />
          </Card>
        )}
      </div>
    </>
  );
}
