import { chooseLocale } from '@/app/actions/preferences';
import { LOCALES, messages, type TLocale } from '@/lib/i18n';

/** NL / EN: the explicit choice (stored on the user when signed in, in the cookie always). */
export function LanguageSwitch({ locale, back }: { locale: TLocale; back: string }) {
  return (
    <form
      action={chooseLocale}
      aria-label={messages(locale).common.nav.language}
      className="flex items-center gap-1 text-sm"
    >
      <input type="hidden" name="back" value={back} />
      {LOCALES.map((l) => (
        <button
          key={l}
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          title={messages(l).common.languages[l]}
          className={
            l === locale
              ? 'rounded px-1.5 py-0.5 font-semibold text-brand-700'
              : 'rounded px-1.5 py-0.5 text-zinc-600 hover:text-zinc-900'
          }
        >
          {l.toUpperCase()}
        </button>
      ))}
    </form>
  );
}
