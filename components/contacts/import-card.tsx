import { Card, CardTitle } from '@/components/ui/card';
import type { ActionResult } from '@/lib/http/action';
import { messages, type TLocale } from '@/lib/i18n';
import { ImportForm } from './import-form';
import type { ImportOutcome } from './import-report';

export type ImportKind = 'companies' | 'contacts';

export const IMPORT_COLUMNS: Record<ImportKind, string[]> = {
  companies: ['name', 'external_id', 'owner_email', 'business_unit', 'region', 'phone', 'yearly_revenue'],
  contacts: ['email', 'name', 'phone', 'locale', 'company'],
};

/** Example files that import cleanly: the companies one names the current user as owner. */
function exampleCsv(kind: ImportKind, ownerEmail: string): string {
  if (kind === 'companies') {
    return [
      IMPORT_COLUMNS.companies.join(';'),
      `Bakkerij De Korenschoof;KL-0001;${ownerEmail};Retail;Noord;020 123 4567;1250000`,
      'Van Dijk Logistiek;KL-0002;;Logistiek;Zuid;+31 10 765 4321;4800000.50',
      'Hoogland ICT;;;;Midden;;',
    ].join('\r\n');
  }
  return [
    IMPORT_COLUMNS.contacts.join(','),
    'j.jansen@korenschoof.example,Jan Jansen,06 1234 5678,nl,KL-0001',
    'm.smit@vandijklogistiek.example,Maria Smit,+31 10 765 4322,en,Van Dijk Logistiek',
    'inkoop@hooglandict.example,,,,Hoogland ICT',
  ].join('\r\n');
}

type ImportAction = (
  prev: ActionResult<ImportOutcome> | null,
  form: FormData,
) => Promise<ActionResult<ImportOutcome> | null>;

/** The CSV import card: what the file must look like, an example to start from, and the upload. */
export function ImportCard({
  kind,
  locale,
  ownerEmail,
  action,
}: {
  kind: ImportKind;
  locale: TLocale;
  ownerEmail: string;
  action: ImportAction;
}) {
  const t = messages(locale).contacts;
  const page = t[kind];
  const ti = t.import;
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(exampleCsv(kind, ownerEmail))}`;
  const titleId = `import-${kind}-title`;
  return (
    <Card aria-labelledby={titleId}>
      <CardTitle>
        <span id={titleId}>{page.importTitle}</span>
      </CardTitle>
      <div className="mb-4 space-y-2 text-sm text-zinc-700">
        <p>{page.importHelp}</p>
        <p>{ti.columns}</p>
        <p className="flex flex-wrap gap-1">
          {IMPORT_COLUMNS[kind].map((c) => (
            <code key={c} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs">
              {c}
            </code>
          ))}
        </p>
        <p>
          <a href={href} download={`${kind}-example.csv`} className="font-medium text-brand-700 underline">
            {ti.example}
          </a>
        </p>
      </div>
      <ImportForm
        id={`import-${kind}`}
        action={action}
        texts={{
          formLabel: page.importTitle,
          file: ti.file,
          fileHint: ti.fileHint,
          submit: page.importSubmit,
          importing: ti.importing,
          modeLegend: ti.modeLegend,
          modeAll: ti.modeAll,
          modeValid: ti.modeValid,
          tooLarge: ti.tooLarge,
          uploadFailed: ti.uploadFailed,
          errorsCaption: ti.errorsCaption,
          line: ti.line,
          field: ti.field,
          message: ti.message,
        }}
      />
    </Card>
  );
}
