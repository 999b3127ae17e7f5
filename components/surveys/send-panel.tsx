import { Card, CardTitle, Notice } from '@/components/ui/card';
import type { SendSummary } from '@/lib/distribution/distribute';
import type { ActionResult } from '@/lib/http/action';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import { SendForm } from './send-form';
import type { TSurveyStatus } from './status-badge';

type SendAction = (
  prev: ActionResult<SendSummary> | null,
  form: FormData,
) => Promise<ActionResult<SendSummary> | null>;

/** Sending is possible only for an active survey; otherwise the panel says why, with the form disabled. */
export function SendPanel({
  locale,
  surveyId,
  status,
  throttleDays,
  companies,
  businessUnits,
  action,
}: {
  locale: TLocale;
  surveyId: string;
  status: TSurveyStatus;
  throttleDays: number;
  companies: { id: string; name: string; contacts: number }[];
  businessUnits: { id: string; name: string }[];
  action: SendAction;
}) {
  const t = messages(locale).surveys.send;
  const days = formatNumber(throttleDays, locale);
  return (
    <Card aria-labelledby="send-title">
      <CardTitle>
        <span id="send-title">{t.title}</span>
      </CardTitle>
      <div className="mb-4 space-y-2">
        {status !== 'ACTIVE' && <Notice>{t.notActive[status]}</Notice>}
        <p className="text-sm text-zinc-600">{fill(t.throttleNote, { days })}</p>
      </div>
      <SendForm
        action={action}
        surveyId={surveyId}
        disabled={status !== 'ACTIVE'}
        locale={locale}
        companies={companies.map((c) => ({
          id: c.id,
          name: c.name,
          hint: fill(t.contactCount, { count: formatNumber(c.contacts, locale) }),
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
          sending: t.sending,
          resultTitle: t.resultTitle,
          queued: t.queued,
          throttled: fill(t.throttled, { days }),
          unsubscribed: t.unsubscribed,
          bounced: t.bounced,
          nobody: t.nobody,
        }}
      />
    </Card>
  );
}
