'use client';

import { useEffect, useMemo } from 'react';

/** The report as a file: a Blob URL (a data: URL of a long report would hit browser limits). */
export function ReportDownload({ csv, fileName, label }: { csv: string; fileName: string; label: string }) {
  const href = useMemo(() => URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })), [csv]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <p>
      <a
        href={href}
        download={fileName}
        data-testid="import-report-download"
        className="text-sm font-medium text-brand-700 underline"
      >
        {label}
      </a>
    </p>
  );
}
