import { MAX_IMPORT_BYTES, type ImportOutcome } from '@/components/contacts/import-report';
import { importReportCsv } from '@/lib/contacts/report';
import type { ImportReport, TImportMode } from '@/lib/contacts/schemas';
import { AppError } from '@/lib/errors';
import { runAction, type ActionResult } from '@/lib/http/action';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import type { TenantContext } from '@/lib/tenancy/context';

/** The report names CSV columns as the user wrote them, not the service's field names. */
const COLUMN: Record<string, string> = {
  name: 'name',
  externalId: 'external_id',
  ownerEmail: 'owner_email',
  businessUnit: 'business_unit',
  region: 'region',
  phone: 'phone',
  yearlyRevenue: 'yearly_revenue',
  email: 'email',
  locale: 'locale',
  company: 'company',
};

/** Enough to fix a file; a file with thousands of bad lines is usually one wrong column. */
const MAX_LISTED = 200;

/** UTF-8 first; Excel on Windows still saves CSV as Windows-1252, so fall back to that. */
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function toOutcome(report: ImportReport, locale: TLocale): ImportOutcome {
  const t = messages(locale).contacts.import;
  const n = (x: number) => formatNumber(x, locale);
  if (report.ok) {
    return {
      ok: true,
      summary: fill(t.done, {
        total: n(report.total),
        created: n(report.created),
        updated: n(report.updated),
      }),
      rows: [],
    };
  }
  const all = report.errors.map((e) => ({
    line: e.line,
    column: e.field === 'file' ? t.wholeFile : (COLUMN[e.field] ?? e.field),
    message: e.message,
  }));
  const rows = all.slice(0, MAX_LISTED);
  const hidden = all.length - rows.length;
  const imported = report.created + report.updated > 0;
  return {
    ok: false,
    summary: imported
      ? fill(t.partial, {
          total: n(report.total),
          created: n(report.created),
          updated: n(report.updated),
          skipped: n(report.skipped),
        })
      : fill(t.failed, { count: n(report.errors.length), total: n(report.total) }),
    partial: imported,
    rows,
    more: hidden > 0 ? fill(t.more, { count: n(hidden) }) : undefined,
    // Every problem, not only the listed ones.
    report: { csv: importReportCsv(all, locale), fileName: `${t.reportFile}.csv`, label: t.download },
  };
}

/**
 * Shared body of the two CSV import actions: guard, read the uploaded file (5 MB at most), run the
 * import in the chosen mode (all or nothing, or the valid rows) and turn its report into texts for
 * the form, with the whole report as a CSV file to download.
 */
export async function importCsvFile(
  form: FormData,
  importer: (ctx: TenantContext, csv: string, mode: TImportMode) => Promise<ImportReport>,
): Promise<ActionResult<ImportOutcome>> {
  return runAction('contact.manage', async (ctx) => {
    const t = messages(ctx.locale).contacts.import;
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0)
      throw new AppError('BAD_REQUEST', t.noFile, { fields: { file: t.noFile } });
    if (file.size > MAX_IMPORT_BYTES)
      throw new AppError('BAD_REQUEST', t.tooLarge, { fields: { file: t.tooLarge } });
    const mode: TImportMode = form.get('mode') === 'valid' ? 'valid' : 'all';
    const report = await importer(ctx, decode(await file.arrayBuffer()), mode);
    return toOutcome(report, ctx.locale);
  });
}
