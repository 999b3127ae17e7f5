import { ActionForm, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Badge, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { TRole } from '@/lib/auth/permissions';
import { fill, formatDate, messages, type TLocale } from '@/lib/i18n';

export interface ApiKeyRow {
  id: string;
  name: string;
  role: TRole;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: string | null;
}

/** The keys of the organisation: never their secret, only its first characters. */
export function ApiKeysTable({
  rows,
  locale,
  timeZone,
  revoke,
}: {
  rows: ApiKeyRow[];
  locale: TLocale;
  timeZone: string;
  revoke: FormAction;
}) {
  const m = messages(locale);
  const t = m.integrations.keys;
  if (rows.length === 0) return <EmptyState>{t.none}</EmptyState>;
  return (
    <Table label={t.title}>
      <thead>
        <tr>
          <Th>{t.name}</Th>
          <Th>{t.prefix}</Th>
          <Th>{t.role}</Th>
          <Th>{t.createdBy}</Th>
          <Th>{t.createdAt}</Th>
          <Th>{t.lastUsed}</Th>
          <Th>{t.status}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((k) => (
          <tr key={k.id}>
            <Td className="font-medium text-zinc-900">{k.name}</Td>
            <Td className="font-mono text-xs">{k.prefix}…</Td>
            <Td>
              <Badge className="bg-zinc-100 text-zinc-800">{m.common.roles[k.role]}</Badge>
            </Td>
            <Td>{k.createdBy ?? '–'}</Td>
            <Td className="whitespace-nowrap">{formatDate(k.createdAt, locale, timeZone)}</Td>
            <Td className="whitespace-nowrap">
              {k.lastUsedAt ? formatDate(k.lastUsedAt, locale, timeZone, true) : t.never}
            </Td>
            <Td>
              {k.revokedAt ? (
                fill(t.revoked, { date: formatDate(k.revokedAt, locale, timeZone) })
              ) : (
                <ActionForm action={revoke} success={t.revokedNotice}>
                  <input type="hidden" name="id" value={k.id} />
                  <Button
                    type="submit"
                    variant="secondary"
                    size="sm"
                    aria-label={fill(t.revokeLabel, { name: k.name })}
                  >
                    {t.revoke}
                  </Button>
                </ActionForm>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
