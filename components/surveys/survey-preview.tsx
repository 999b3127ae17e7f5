import { CategoryBadge } from '@/components/nps/category-badge';
import { Card, CardTitle } from '@/components/ui/card';
import { cn } from '@/lib/cn';
import { messages, type TLocale } from '@/lib/i18n';
import { CATEGORIES, categoryOf, type TCategory } from '@/lib/nps';
import { localizedTexts, type TSurveyTexts } from '@/lib/surveys/schemas';

const SCORE_TONE: Record<TCategory, string> = {
  PROMOTER: 'border-green-300',
  PASSIVE: 'border-amber-300',
  DETRACTOR: 'border-red-300',
};
const FOLLOW_UP_KEY = { PROMOTER: 'promoter', PASSIVE: 'passive', DETRACTOR: 'detractor' } as const;

/** What the respondent sees, per language, from the saved texts (server-rendered). */
export function SurveyPreview({
  locale,
  texts,
  company,
}: {
  locale: TLocale;
  texts: TSurveyTexts;
  company: string;
}) {
  const t = messages(locale).surveys.preview;
  const languages = messages(locale).common.languages;
  return (
    <Card aria-labelledby="preview-title">
      <CardTitle>
        <span id="preview-title">{t.title}</span>
      </CardTitle>
      <p className="mb-4 text-sm text-zinc-600">{t.intro}</p>
      <div className="grid gap-6 md:grid-cols-2">
        {(['nl', 'en'] as const).map((l) => (
          <PreviewPane
            key={l}
            locale={locale}
            lang={l}
            title={languages[l]}
            texts={localizedTexts(texts, l, company)}
          />
        ))}
      </div>
    </Card>
  );
}

function PreviewPane({
  locale,
  lang,
  title,
  texts,
}: {
  locale: TLocale;
  lang: TLocale;
  title: string;
  texts: ReturnType<typeof localizedTexts>;
}) {
  const t = messages(locale).surveys.preview;
  // The respondent's own words (scale, categories, thanks title) come in the preview's language.
  const r = messages(lang).respondent;
  const categories = messages(lang).common.categories;
  return (
    <section aria-label={title} className="min-w-0 rounded-lg bg-zinc-100 p-3">
      <h3 className="mb-2 text-sm font-semibold text-zinc-700">{title}</h3>
      <div lang={lang} className="space-y-4">
        <div className="rounded-xl bg-white p-4 shadow-sm">
          <p lang={locale} className="mb-1 text-xs font-medium uppercase text-zinc-600">
            {t.step1}
          </p>
          <p className="mb-3 font-semibold text-zinc-900">{texts.question}</p>
          <ol aria-label={t.scoreRow} className="grid grid-cols-6 gap-1.5 sm:grid-cols-11">
            {Array.from({ length: 11 }, (_, s) => (
              <li
                key={s}
                className={cn(
                  'flex h-9 items-center justify-center rounded-md border-2 bg-white text-sm font-bold',
                  SCORE_TONE[categoryOf(s)],
                )}
              >
                {s}
              </li>
            ))}
          </ol>
          <div className="mt-1 flex justify-between gap-2 text-xs text-zinc-500">
            <span>{r.scaleLow}</span>
            <span className="text-right">{r.scaleHigh}</span>
          </div>
        </div>
        <div className="rounded-xl bg-white p-4 shadow-sm">
          <p lang={locale} className="mb-2 text-xs font-medium uppercase text-zinc-600">
            {t.step2}
          </p>
          <ul className="space-y-2">
            {CATEGORIES.map((c) => (
              <li key={c} className="space-y-1">
                <CategoryBadge category={c} label={categories[c]} />
                <p className="text-sm text-zinc-900">{texts.followUp[FOLLOW_UP_KEY[c]]}</p>
              </li>
            ))}
          </ul>
        </div>
        <div className="rounded-xl bg-white p-4 shadow-sm">
          <p lang={locale} className="mb-1 text-xs font-medium uppercase text-zinc-600">
            {t.step3}
          </p>
          <p className="mb-1 font-semibold text-zinc-900">{r.thanksTitle}</p>
          <p className="text-sm text-zinc-700">{texts.thankYou}</p>
        </div>
      </div>
    </section>
  );
}
