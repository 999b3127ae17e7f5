import Link from 'next/link';
import { moneyText } from '@/components/insights/format';
import { Button } from '@/components/ui/button';
import { Card, CardTitle, Notice, PageHeader } from '@/components/ui/card';
import { Input, Label } from '@/components/ui/form';
import { Table, Td, Th } from '@/components/ui/table';
import { guardPage } from '@/lib/http/guard';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import { roiPrefill } from '@/lib/insights/accounts';
import { roi, ROI_DEFAULTS, ZRoiInput, type RoiEffect } from '@/lib/insights/roi';
import { formatNps } from '@/lib/nps';
import { fieldErrors, safeParseLocalized } from '@/lib/validation';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FIELDS = Object.keys(ROI_DEFAULTS) as (keyof typeof ROI_DEFAULTS)[];

function EffectTable({ id, title, e, locale }: { id: string; title: string; e: RoiEffect; locale: TLocale }) {
  const r = messages(locale).insights.roi;
  const money = (n: number) => moneyText(Math.round(n), locale);
  return (
    <Card aria-labelledby={id} className="min-w-0">
      <CardTitle>
        <span id={id}>{title}</span>
      </CardTitle>
      <Table className="min-w-[32rem]" label={title}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <Th>{r.component}</Th>
            <Th>{r.formula}</Th>
            <Th className="text-right">{r.amount}</Th>
          </tr>
        </thead>
        <tbody>
          {(
            [
              [r.retained, r.retainedFormula, e.retained],
              [r.moreBusiness, r.moreBusinessFormula, e.moreBusiness],
              [r.marketing, r.marketingFormula, e.marketing],
            ] as const
          ).map(([label, formula, value]) => (
            <tr key={label}>
              <Th scope="row" className="border-zinc-100 text-sm font-normal normal-case text-zinc-900">
                {label}
              </Th>
              <Td className="text-xs text-zinc-600">{formula}</Td>
              <Td className="text-right tabular-nums">{money(value)}</Td>
            </tr>
          ))}
          <tr>
            <Th scope="row" className="border-zinc-100 text-sm font-semibold normal-case text-zinc-900">
              {r.total}
            </Th>
            <Td />
            <Td className="text-right font-semibold tabular-nums" data-testid={`${id}-total`}>
              {money(e.total)}
            </Td>
          </tr>
        </tbody>
      </Table>
    </Card>
  );
}

/** The ROI calculator: every assumption a field, every result with its formula. */
export default async function RoiPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await guardPage('insights.read');
  const sp = await searchParams;
  const t = messages(ctx.locale);
  const r = t.insights.roi;
  const pre = await roiPrefill(ctx);
  // The organisation's own figures fill the defaults where it has them.
  const defaults: Record<string, number> = {
    ...ROI_DEFAULTS,
    ...(pre.customers > 0 ? { customers: pre.customers } : {}),
    ...(pre.yearlyRevenue ? { yearlyRevenue: Math.round(pre.yearlyRevenue) } : {}),
    // Today's detractor share of the customers: what turning every detractor would be worth.
    ...(pre.split.share && pre.customers > 0
      ? { detractorsToPassives: Math.round(pre.split.share.detractors * pre.customers) }
      : {}),
  };
  const raw = Object.fromEntries(
    FIELDS.map((k) => [k, typeof sp[k] === 'string' && sp[k] !== '' ? sp[k] : defaults[k]]),
  );
  const parsed = safeParseLocalized(ZRoiInput, raw, ctx.locale);
  const errors = parsed.success ? null : fieldErrors(parsed.error, ctx.locale);
  const result = roi(parsed.success ? parsed.data : ZRoiInput.parse(defaults));
  const money = (n: number) => moneyText(Math.round(n), ctx.locale);

  return (
    <>
      <PageHeader title={r.title} description={r.description} />
      {pre.split.n > 0 && (
        <p className="mb-4 text-sm text-zinc-700">
          {fill(r.prefilled, {
            customers: formatNumber(pre.customers, ctx.locale),
            revenue: pre.yearlyRevenue === null ? '–' : money(pre.yearlyRevenue),
            promoters: formatNumber(pre.split.promoters, ctx.locale),
            passives: formatNumber(pre.split.passives, ctx.locale),
            detractors: formatNumber(pre.split.detractors, ctx.locale),
            nps: pre.split.enough ? (formatNps(pre.split.nps) ?? '–') : t.insights.headline.tooFew,
          })}
        </p>
      )}
      {errors && (
        <div className="mb-4">
          <Notice tone="error">
            {Object.entries(errors)
              .map(([k, v]) => `${r[k as keyof typeof r] ?? k}: ${v}`)
              .join('; ')}
          </Notice>
        </div>
      )}
      <Card aria-labelledby="roi-inputs" className="mb-6">
        <CardTitle>
          <span id="roi-inputs">{r.inputs}</span>
        </CardTitle>
        <form method="get" action="/roi" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {FIELDS.map((k) => (
            <div key={k}>
              <Label htmlFor={`roi-${k}`}>{r[k]}</Label>
              <Input
                id={`roi-${k}`}
                name={k}
                inputMode="decimal"
                defaultValue={String(raw[k])}
                aria-invalid={errors?.[k] ? true : undefined}
              />
            </div>
          ))}
          <div className="flex items-end gap-2">
            <Button type="submit">{r.calculate}</Button>
            <Button asChild variant="ghost">
              <Link href="/roi">{r.reset}</Link>
            </Button>
          </div>
        </form>
      </Card>
      <div className="space-y-6">
        <EffectTable
          locale={ctx.locale}
          id="roi-points"
          title={fill(r.byPoints, { points: formatNumber(result.byPoints.points, ctx.locale, 1) })}
          e={result.byPoints}
        />
        <EffectTable
          locale={ctx.locale}
          id="roi-detractors"
          title={fill(r.byDetractors, {
            count: formatNumber(result.input.detractorsToPassives, ctx.locale),
            points: formatNumber(result.byDetractors.points, ctx.locale, 1),
          })}
          e={result.byDetractors}
        />
        <Card aria-labelledby="roi-formulas">
          <CardTitle>
            <span id="roi-formulas">{r.formulas}</span>
          </CardTitle>
          <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700">
            <li>{r.retainedFormula}</li>
            <li>{r.moreBusinessFormula}</li>
            <li>{r.marketingFormula}</li>
            <li>{r.detractorFormula}</li>
          </ul>
          <p className="mt-3 text-xs text-zinc-600">{r.source}</p>
        </Card>
      </div>
    </>
  );
}
