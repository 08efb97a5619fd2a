/** The dashboard's languages: Norwegian bokmål (default), English and Swedish. */
export const languages = ['nb', 'en', 'sv'] as const;
export type Lang = (typeof languages)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Each language's name in itself, as the language switch shows it (not translated on purpose). */
export const languageNames: Readonly<Record<Lang, string>> = { nb: 'Norsk', en: 'English', sv: 'Svenska' };

/**
 * The languages the switch offers from `lang`, in order: the first is the old two-way
 * switch's (bokmål ↔ English; from Swedish back to bokmål), then the remaining one.
 */
export function otherLanguages(lang: Lang): readonly [Lang, Lang] {
  if (lang === 'nb') return ['en', 'sv'];
  if (lang === 'en') return ['nb', 'sv'];
  return ['nb', 'en'];
}
