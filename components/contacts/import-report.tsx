import { Notice } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { ReportDownload } from './import-download';

/** Larger uploads are refused before reading; the server action checks it again. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** An import's result, already in the user's language (built by the server action). */
export interface ImportOutcome {
  ok: boolean;
  summary: string;
  rows: { line: number; column: string; message: string }[];
  /** Said when more problems were found than are listed. */
  more?: string;
  /** Some rows were imported, others not (mode "valid"). */
  partial?: boolean;
  /** Every problem as a CSV file (line, column, problem) in the user's language. */
  report?: { csv: string; fileName: string; label: string };
}

export interface ImportReportTexts {
  errorsCaption: string;
  line: string;
  field: string;
  message: string;
}

/** The report of one CSV import: the counts, or every failed line and the fact that nothing changed. */
export function ImportReportView({ outcome, texts }: { outcome: ImportOutcome; texts: ImportReportTexts }) {
  if (outcome.ok) return <Notice tone="success">{outcome.summary}</Notice>;
  return (
    <div className="space-y-3">
      <Notice tone={outcome.partial ? 'info' : 'error'}>{outcome.summary}</Notice>
      {outcome.report && <ReportDownload {...outcome.report} />}
      {outcome.rows.length > 0 && (
        <Table className="min-w-0" label={texts.errorsCaption}>
          <caption className="mb-1 text-left text-sm font-medium text-zinc-800">
            {texts.errorsCaption}
          </caption>
          <thead>
            <tr>
              <Th className="w-16">{texts.line}</Th>
              <Th className="w-32">{texts.field}</Th>
              <Th>{texts.message}</Th>
            </tr>
          </thead>
          <tbody>
            {outcome.rows.map((r, i) => (
              <tr key={`${r.line}-${r.column}-${i}`}>
                <Td className="tabular-nums">{r.line || '–'}</Td>
                <Td>
                  <code className="break-all text-xs">{r.column}</code>
                </Td>
                <Td className="break-words">{r.message}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {outcome.more && <p className="text-xs text-zinc-600">{outcome.more}</p>}
    </div>
  );
}
