import Link from 'next/link';
import { ApiKeyForm } from '@/components/settings/api-key-form';
import { ApiKeysTable } from '@/components/settings/api-keys-table';
import { Card, CardTitle, PageHeader } from '@/components/ui/card';
import { listApiKeys } from '@/lib/auth/api-keys';
import { API_KEY_ROLES } from '@/lib/auth/permissions';
import { guardPage } from '@/lib/http/guard';
import { messages } from '@/lib/i18n';
import { getTenant } from '@/lib/tenancy/service';
import { createKey, revokeKey } from './actions';

/** API keys (and, as they arrive, webhooks and chat alerts): owners and CX managers only. */
export default async function ApiSettingsPage() {
  const ctx = await guardPage('apikey.manage');
  const m = messages(ctx.locale);
  const t = m.integrations;
  const [keys, tenant] = await Promise.all([listApiKeys(ctx), getTenant(ctx)]);
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <div className="space-y-6">
        <Card aria-labelledby="keys-title">
          <CardTitle
            action={
              <Link href="/settings/api/docs" className="text-sm font-medium text-blue-700 underline">
                {t.docs.link}
              </Link>
            }
          >
            <span id="keys-title">{t.keys.title}</span>
          </CardTitle>
          <p className="mb-4 text-sm text-zinc-600">{t.keys.intro}</p>
          <ApiKeyForm
            action={createKey}
            roles={API_KEY_ROLES.map((r) => ({
              value: r,
              label: m.common.roles[r],
              help: t.keys.roleHelp[r],
            }))}
            texts={{
              title: t.keys.create,
              name: t.keys.name,
              nameHint: t.keys.nameHint,
              role: t.keys.role,
              create: t.keys.create,
              created: t.keys.created,
              secretLabel: t.keys.secretLabel,
            }}
          />
          <div className="mt-6">
            <ApiKeysTable rows={keys} locale={ctx.locale} timeZone={tenant.timeZone} revoke={revokeKey} />
          </div>
        </Card>
      </div>
    </>
  );
}
