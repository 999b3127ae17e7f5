import { CategoryBadge } from '@/components/nps/category-badge';
import { Card, CardTitle, EmptyState } from '@/components/ui/card';
import { fill, formatDate, messages, type TLocale } from '@/lib/i18n';
import type { TCategory } from '@/lib/nps';

import type { RecentComment } from '@/lib/insights/queries';

/** The latest comments: the reason behind the score is the real value of an answer. */
export function RecentComments({
  comments,
  timeZone,
  locale,
}: {
  comments: RecentComment[];
  timeZone: string;
  locale: TLocale;
}) {
  const t = messages(locale);
  return (
    <Card aria-labelledby="comments-title">
      <CardTitle>
        <span id="comments-title">{t.insights.comments.title}</span>
      </CardTitle>
      {comments.length === 0 ? (
        <EmptyState>{t.insights.comments.empty}</EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {comments.map((c) => {
            const category = c.category as TCategory;
            return (
              <li key={c.id} className="py-3 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-semibold tabular-nums">
                    {fill(t.insights.comments.score, { score: c.score })}
                  </span>
                  <CategoryBadge category={category} label={t.common.categories[category]} />
                  <span className="text-zinc-700">{c.company ?? t.insights.comments.noCompany}</span>
                  <span className="text-zinc-500">{formatDate(c.submittedAt, locale, timeZone)}</span>
                </div>
                <blockquote className="mt-1 border-l-2 border-zinc-200 pl-3 text-sm text-zinc-800 break-words">
                  “{c.comment}”
                </blockquote>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
