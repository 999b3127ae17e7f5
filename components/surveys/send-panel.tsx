import { Card, CardTitle, Notice } from '@/components/ui/card';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import { SendForm } from './send-form';
import type { RuleFigures } from './skip-reason';
import type { TSurveyStatus } from './status-badge';

/**
 * Choosing an audience opens the skip preview; sending is possible only for an active survey,
 * otherwise the panel says why, with the form disabled.
 */
export function SendPanel({
  locale,
  surveyId,
  status,
  rules,
  companies,
  businessUnits,
}: {
  locale: TLocale;
  surveyId: string;
  status: TSurveyStatus;
  rules: RuleFigures;
  companies: { id: string; name: string; contacts: number }[];
  businessUnits: { id: string; name: string }[];
}) {
  const t = messages(locale).surveys.send;
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Card aria-labelledby="send-title">
      <CardTitle>
        <span id="send-title">{t.title}</span>
      </CardTitle>
      <div className="mb-4 space-y-2">
        {status !== 'ACTIVE' && <Notice>{t.notActive[status]}</Notice>}
        <p className="text-sm text-zinc-600">{fill(t.throttleNote, { days: n(rules.throttleDays) })}</p>
        <p className="text-sm text-zinc-600">
          {fill(t.rulesNote, { max: n(rules.accountRuleMax), accountDays: n(rules.accountRuleDays) })}
        </p>
      </div>
      <SendForm
        surveyId={surveyId}
        disabled={status !== 'ACTIVE'}
        companies={companies.map((c) => ({
          id: c.id,
          name: c.name,
          hint: fill(t.contactCount, { count: n(c.contacts) }),
        }))}
        businessUnits={businessUnits}
        labels={{
          audience: t.audience,
          all: t.all,
          companies: t.companies,
          businessUnits: t.businessUnits,
          companiesLegend: t.companiesLegend,
          businessUnitsLegend: t.businessUnitsLegend,
          noCompanies: t.noCompanies,
          noBusinessUnits: t.noBusinessUnits,
          submit: t.submit,
        }}
      />
    </Card>
  );
}
