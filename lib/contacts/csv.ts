import { parse } from 'csv-parse/sync';

/** Header names are matched loosely: case, spaces, dashes and underscores do not matter. */
export function normalizeHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/^\ufeff/, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Parses a CSV file (comma or semicolon, as Dutch Excel writes it) into records keyed by normalized
 * header names, with their line numbers. Throws on a malformed file.
 */
export function parseCsv(
  text: string,
  aliases: Record<string, string>,
): { line: number; record: Record<string, string> }[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows = parse(text, {
    delimiter,
    bom: true,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    info: true,
    columns: (header: string[]) => header.map((h) => aliases[normalizeHeader(h)] ?? normalizeHeader(h)),
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return rows.map((r) => ({ line: r.info.lines, record: r.record }));
}
