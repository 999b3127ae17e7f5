import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { env } from '@/lib/env';
import { currentContext } from '@/lib/http/session';
import { membershipsOfUser } from '@/lib/tenancy/service';

/** Chrome only: each page runs the guard itself (a layout does not re-run on client navigation). */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, ctx, locale } = await currentContext();
  if (!user || !ctx) return <>{children}</>;
  const memberships = await membershipsOfUser(user.id);
  return (
    <AppShell
      locale={locale}
      role={ctx.role}
      user={user}
      tenantId={ctx.tenantId}
      tenants={memberships.map((m) => ({ tenantId: m.tenantId, name: m.tenant.name }))}
      demo={env().DEMO_MODE}
    >
      {children}
    </AppShell>
  );
}
