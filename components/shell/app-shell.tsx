import Link from 'next/link';
import type { ReactNode } from 'react';
import { switchTenant } from '@/app/actions/preferences';
import { LanguageSwitch } from '@/components/i18n/language-switch';
import { can, type TAction, type TRole } from '@/lib/auth/permissions';
import { messages, type TLocale } from '@/lib/i18n';
import { SignOutButton } from './sign-out-button';

export interface ShellProps {
  locale: TLocale;
  role: TRole;
  user: { name: string | null; email: string };
  tenantId: string;
  tenants: { tenantId: string; name: string }[];
  demo: boolean;
  children: ReactNode;
}

type NavKey = keyof ReturnType<typeof messages>['common']['nav'];
/** Navigation fits the role: the first items are what that role comes for. */
const NAV: { href: string; key: NavKey; action: TAction; roles?: TRole[] }[] = [
  { href: '/dashboard', key: 'dashboard', action: 'insights.read' },
  { href: '/tasks', key: 'tasks', action: 'task.work', roles: ['ACCOUNT_MANAGER'] },
  { href: '/tasks?scope=all', key: 'allTasks', action: 'task.read.all' },
  { href: '/surveys', key: 'surveys', action: 'survey.manage' },
  { href: '/companies', key: 'companies', action: 'contact.read' },
  { href: '/contacts', key: 'contacts', action: 'contact.read' },
  { href: '/settings', key: 'settings', action: 'member.read' },
];

const ORDER: Record<TRole, NavKey[]> = {
  ACCOUNT_MANAGER: ['tasks', 'dashboard', 'companies', 'contacts', 'settings'],
  VIEWER: ['dashboard', 'allTasks', 'companies', 'contacts', 'settings'],
  ADMIN: ['surveys', 'dashboard', 'allTasks', 'companies', 'contacts', 'settings'],
  OWNER: ['surveys', 'dashboard', 'allTasks', 'companies', 'contacts', 'settings'],
};

export function AppShell({ locale, role, user, tenantId, tenants, demo, children }: ShellProps) {
  const t = messages(locale).common;
  const items = ORDER[role]
    .map((k) => NAV.find((n) => n.key === k)!)
    .filter((n) => can(role, n.action) && (!n.roles || n.roles.includes(role)));
  const links = (
    <ul className="flex flex-col gap-1 md:flex-row md:items-center md:gap-4">
      {items.map((n) => (
        <li key={n.key}>
          <Link
            href={n.href}
            className="block rounded px-2 py-1 text-sm font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900"
          >
            {t.nav[n.key]}
          </Link>
        </li>
      ))}
      {demo && (
        <li>
          <Link
            href="/dev/mailbox"
            className="block rounded px-2 py-1 text-sm text-zinc-500 hover:bg-zinc-100"
          >
            {t.nav.mailbox}
          </Link>
        </li>
      )}
    </ul>
  );
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t.skipLink}
      </a>
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-brand-700">
            {t.appName}
          </Link>
          <nav aria-label={t.nav.menu} className="hidden flex-1 md:block">
            {links}
          </nav>
          <details className="ml-auto md:hidden">
            <summary className="cursor-pointer list-none rounded border border-zinc-300 px-3 py-1 text-sm">
              {t.nav.menu}
            </summary>
            <nav
              aria-label={t.nav.menu}
              className="absolute left-0 right-0 z-10 mt-2 border-b border-zinc-200 bg-white p-3 shadow"
            >
              {links}
            </nav>
          </details>
          <div className="flex w-full items-center gap-3 text-sm md:w-auto">
            <LanguageSwitch locale={locale} back="/" />
            {/* Who is signed in, where, and the account actions, folded into one menu so the header
                stays one line at desktop widths whatever the names' lengths. */}
            <details className="relative ml-auto md:ml-0">
              <summary className="flex max-w-[16rem] cursor-pointer list-none items-center gap-1 rounded px-2 py-1 text-zinc-700 hover:bg-zinc-100">
                <span className="truncate">{user.name ?? user.email}</span>
                <span aria-hidden="true">▾</span>
              </summary>
              <div className="absolute right-0 z-20 mt-2 w-72 space-y-3 rounded-md border border-zinc-200 bg-white p-3 shadow-lg">
                <p className="break-words">
                  {user.name && <span className="block text-zinc-900">{user.email}</span>}
                  <span className="block text-zinc-600">
                    {t.roles[role]} · {tenants.find((x) => x.tenantId === tenantId)?.name}
                  </span>
                </p>
                {tenants.length > 1 && (
                  <form action={switchTenant} className="flex items-center gap-1">
                    <label htmlFor="tenant-switch" className="sr-only">
                      {t.nav.switchTenant}
                    </label>
                    <select
                      id="tenant-switch"
                      name="tenantId"
                      defaultValue={tenantId}
                      className="h-8 min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 text-sm"
                    >
                      {tenants.map((x) => (
                        <option key={x.tenantId} value={x.tenantId}>
                          {x.name}
                        </option>
                      ))}
                    </select>
                    <button className="h-8 rounded border border-zinc-300 px-2">{t.nav.switchTenant}</button>
                  </form>
                )}
                <SignOutButton label={t.nav.signOut} />
              </div>
            </details>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
