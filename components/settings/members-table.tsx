import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { TRole } from '@/lib/auth/permissions';
import { formatDate, messages, type TLocale } from '@/lib/i18n';

export interface MemberRow {
  membershipId: string;
  role: TRole;
  since: Date;
  userId: string;
  name: string | null;
  email: string;
}

export function MembersTable({
  rows,
  locale,
  timeZone,
  currentUserId,
}: {
  rows: MemberRow[];
  locale: TLocale;
  timeZone: string;
  currentUserId: string;
}) {
  const m = messages(locale);
  const t = m.settings.team;
  return (
    <Table label={m.common.nav.members}>
      <thead>
        <tr>
          <Th>{t.name}</Th>
          <Th>{t.email}</Th>
          <Th>{t.role}</Th>
          <Th>{m.auth.memberSince}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.membershipId}>
            <Td className="font-medium text-zinc-900">
              {r.name ?? <span className="text-zinc-500">–</span>}
              {r.userId === currentUserId && <span className="ml-1 font-normal text-zinc-500">{t.you}</span>}
            </Td>
            <Td className="break-all">{r.email}</Td>
            <Td>
              <Badge className="bg-zinc-100 text-zinc-800">{m.common.roles[r.role]}</Badge>
            </Td>
            <Td className="whitespace-nowrap">{formatDate(r.since, locale, timeZone)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
