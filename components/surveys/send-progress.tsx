'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { SendProgress } from '@/lib/distribution/distribute';

/** What the progress route answers (JSON of these fields). */
export type ProgressData = Pick<
  SendProgress,
  'status' | 'prepared' | 'plannedTotal' | 'plannedInvite' | 'queued' | 'sent' | 'failed' | 'skipped' | 'done'
>;

export interface ProgressLabels {
  status: { CREATING: string; SENDING: string; PAUSED: string; DONE: string };
  /** "{percent} handled" */
  bar: string;
  /** "{invite} of {total} contacts to invite" */
  planned: string;
  queued: string;
  sent: string;
  failed: string;
  skipped: string;
  pause: string;
  resume: string;
  paused: string;
  live: string;
}

const finished = (p: ProgressData) => p.prepared && p.queued === 0 && p.status !== 'PAUSED';

/**
 * The live progress of one send: a bar and the counts per state, polled from a small JSON route every
 * two seconds while the send runs (no reload), with pause and resume.
 */
export function SendProgressView({
  initial,
  url,
  locale,
  labels,
  pause,
  resume,
  ids,
  canControl,
}: {
  initial: ProgressData;
  url: string;
  locale: 'nl' | 'en';
  labels: ProgressLabels;
  pause: (form: FormData) => Promise<unknown>;
  resume: (form: FormData) => Promise<unknown>;
  ids: { surveyId: string; distributionId: string };
  /** Directors see the progress without the buttons. */
  canControl: boolean;
}) {
  const [p, setP] = useState(initial);
  useEffect(() => {
    if (finished(p) || p.status === 'PAUSED') return;
    let stop = false;
    const t = setTimeout(async () => {
      try {
        const res = await fetch(url, { cache: 'no-store' });
        if (res.ok && !stop) setP((await res.json()) as ProgressData);
      } catch {
        // A missed poll is retried by the next one.
        if (!stop) setP((x) => ({ ...x }));
      }
    }, 2_000);
    return () => {
      stop = true;
      clearTimeout(t);
    };
  }, [p, url]);

  const fmt = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB');
  const pct = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent' });
  const state = finished(p) ? 'DONE' : p.status;
  const percent = pct.format(Math.min(1, Math.max(0, p.done)));
  const counts: [string, number, string][] = [
    [labels.queued, p.queued, 'queued'],
    [labels.sent, p.sent, 'sent'],
    [labels.failed, p.failed, 'failed'],
    [labels.skipped, p.skipped, 'skipped'],
  ];
  return (
    <div className="space-y-4" data-testid="send-progress" data-state={state}>
      <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-semibold text-zinc-900" aria-live="polite" data-testid="send-state">
          {labels.status[state]}
        </span>
        <span className="text-zinc-600">
          {labels.planned
            .replace('{invite}', fmt.format(p.plannedInvite))
            .replace('{total}', fmt.format(p.plannedTotal))}
        </span>
      </p>
      <div
        role="progressbar"
        aria-label={labels.bar.replace('{percent}', percent)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(p.done * 100)}
        className="h-3 w-full overflow-hidden rounded-full bg-zinc-200"
      >
        <div
          className="h-full rounded-full bg-brand-700 transition-[width] duration-500"
          style={{ width: `${Math.min(100, p.done * 100)}%` }}
        />
      </div>
      <p className="text-xs text-zinc-600">{labels.bar.replace('{percent}', percent)}</p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map(([label, n, key]) => (
          <div key={key} className="rounded-md border border-zinc-200 p-3">
            <dt className="text-xs text-zinc-600">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`count-${key}`}>
              {fmt.format(n)}
            </dd>
          </div>
        ))}
      </dl>
      {p.status === 'PAUSED' && <p className="text-sm text-zinc-700">{labels.paused}</p>}
      {canControl && !finished(p) && (
        <form
          action={async (form: FormData) => {
            await (p.status === 'PAUSED' ? resume : pause)(form);
          }}
          className="flex flex-wrap items-center gap-3"
        >
          <input type="hidden" name="surveyId" value={ids.surveyId} />
          <input type="hidden" name="distributionId" value={ids.distributionId} />
          <Button type="submit" variant="secondary">
            {p.status === 'PAUSED' ? labels.resume : labels.pause}
          </Button>
          {p.status !== 'PAUSED' && <span className="text-xs text-zinc-600">{labels.live}</span>}
        </form>
      )}
    </div>
  );
}
