/** The dashboard's languages: Norwegian bokmål (default) and English. */
export const languages = ['nb', 'en'] as const;
export type Lang = (typeof languages)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
