import { messages, type TLocale } from '../i18n';

/**
 * A cell a spreadsheet would run as a formula (= + - @, and tab or carriage return, which some
 * programs strip before looking) gets a leading apostrophe: shown as text, never executed
 * (OWASP "CSV injection").
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string, delimiter: string): string {
  const v = neutralizeCell(value);
  return v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export interface ReportRow {
  /** The line in the uploaded file (the header is line 1); 0 for the file as a whole. */
  line: number;
  column: string;
  message: string;
}

/**
 * The import report as a CSV file in the user's language: line, column, problem. Semicolons and a
 * byte order mark for Dutch (what Dutch Excel opens without a wizard), commas for English.
 */
export function importReportCsv(rows: ReportRow[], locale: TLocale): string {
  const t = messages(locale).contacts.import;
  const d = locale === 'nl' ? ';' : ',';
  const lines = [
    [t.line, t.field, t.message],
    ...rows.map((r) => [r.line ? String(r.line) : '', r.column, r.message]),
  ].map((cells) => cells.map((c) => quote(c, d)).join(d));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
