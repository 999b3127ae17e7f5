import { describe, expect, it } from 'vitest';
import { importReportCsv, neutralizeCell } from '../../lib/contacts/report';

describe('the import report CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const v of ['=1+1', '+31 6', '-2', '@SUM(A1)', '\t=x', '\r=x'])
      expect(neutralizeCell(v)).toBe(`'${v}`);
    for (const v of ['name', '1+1', 'a=b', '']) expect(neutralizeCell(v)).toBe(v);
  });

  it('has a header in the user’s language, one row per problem, and quotes what needs it', () => {
    const rows = [
      { line: 3, column: 'email', message: 'Invalid email address' },
      { line: 5, column: 'name', message: '=HYPERLINK("http://evil.example","click")' },
      { line: 0, column: '(file)', message: 'a "quoted", multi\nline reason' },
    ];
    const en = importReportCsv(rows, 'en');
    expect(en.startsWith('\ufeffLine,Column,Problem\r\n')).toBe(true);
    expect(en).toContain('3,email,Invalid email address\r\n');
    expect(en).toContain(`5,name,"'=HYPERLINK(""http://evil.example"",""click"")"\r\n`);
    expect(en).toContain(`,(file),"a ""quoted"", multi\nline reason"\r\n`);
    const nl = importReportCsv(rows.slice(0, 1), 'nl');
    expect(nl).toBe('\ufeffRegel;Kolom;Probleem\r\n3;email;Invalid email address\r\n');
  });
});
