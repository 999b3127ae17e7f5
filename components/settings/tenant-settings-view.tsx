import { Notice } from '@/components/ui/card';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import { SLA_FIELDS, type TenantSettingsValues } from './tenant-settings';

/** The same settings, read-only, for roles that may see but not change them. */
export function TenantSettingsView({ locale, values }: { locale: TLocale; values: TenantSettingsValues }) {
  const m = messages(locale);
  const f = m.settings.fields;
  const days = (n: number, template: string) => fill(template, { count: formatNumber(n, locale) });
  const items: [string, string, string?][] = [
    [f.name, values.name],
    [f.senderName, values.senderName],
    [f.defaultLocale, m.common.languages[values.defaultLocale]],
    [f.timeZone, values.timeZone],
    [f.throttleDays, days(values.throttleDays, m.settings.days), f.throttleHint],
    ...SLA_FIELDS.map(([category, name]): [string, string] => [
      fill(f.slaItem, { category: m.common.categoriesPlural[category].toLowerCase() }),
      days(values[name], m.settings.businessDays),
    ]),
    [
      f.replyLegend,
      values.replyToMode === 'SHARED' && values.replyToAddress
        ? `${f.replyModes.SHARED}: ${values.replyToAddress}`
        : f.replyModes[values.replyToMode],
      values.replyToMode === 'ACCOUNT_MANAGER' ? f.replyFallback : undefined,
    ],
  ];
  return (
    <div className="space-y-4">
      <Notice>{m.settings.readOnly}</Notice>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
        {items.map(([label, value, hint]) => (
          <div key={label}>
            <dt className="text-xs font-medium uppercase text-zinc-500">{label}</dt>
            <dd className="text-sm text-zinc-900">{value}</dd>
            {hint && <dd className="text-xs text-zinc-500">{hint}</dd>}
          </div>
        ))}
      </dl>
    </div>
  );
}
