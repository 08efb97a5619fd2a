/**
 * The 400 answers' parameter problems in the asker's language. The server writes its
 * messages in bokmål (the CLI shares some of them, from etl/figures/figureQuery.ts); this
 * table gives each the English and Swedish wording, keyed by the bokmål text so a message
 * is written once where it is thrown. A message not in the table (zod's own wording, an
 * internal one) is sent as it is. The language is chosen from `Accept-Language` (the
 * dashboard sends its own; none or `*` is bokmål) and named in the answer's
 * `Content-Language`, so the body keeps its shape.
 */
import type { Request } from 'express';
export const problemLanguages = ['nb', 'en', 'sv'] as const;
export type ProblemLanguage = (typeof problemLanguages)[number];

type Other = Exclude<ProblemLanguage, 'nb'>;

const translations: Readonly<Record<string, Readonly<Record<Other, string>>>> = {
  'Perioden kan være høyst ti skoleår. Velg en kortere periode.': {
    en: 'The period can be at most ten school years. Choose a shorter period.',
    sv: 'Perioden kan vara högst tio läsår. Välj en kortare period.',
  },
  'En serie per måned kan være høyst 120 måneder. Velg en kortere periode.': {
    en: 'A monthly series can be at most 120 months. Choose a shorter period.',
    sv: 'En serie per månad kan vara högst 120 månader. Välj en kortare period.',
  },
  'Svaret blir for stort. Velg en kortere periode, én kommune eller ett skolenivå.': {
    en: 'The answer would be too large. Choose a shorter period, one municipality or one school level.',
    sv: 'Svaret blir för stort. Välj en kortare period, en kommun eller en skolform.',
  },
  'dato må skrives ÅÅÅÅ-MM-DD': { en: 'a date must be written YYYY-MM-DD', sv: 'datum skrivs ÅÅÅÅ-MM-DD' },
  'datoen finnes ikke': { en: 'the date does not exist', sv: 'datumet finns inte' },
  'fra-datoen må være før eller lik til-datoen': {
    en: 'the from date must be on or before the to date',
    sv: 'från-datumet måste vara samma som eller före till-datumet',
  },
  'total kan bare være all (summen for alle kommuner)': {
    en: 'total can only be all (the sum of every municipality)',
    sv: 'total kan bara vara all (summan för alla kommuner)',
  },
  'total=all er summen for alle kommuner og kan ikke kombineres med skole, kommune eller inndeling (school, municipality, by)': {
    en: 'total=all is the sum of every municipality and cannot be combined with a school, municipality or breakdown (school, municipality, by)',
    sv: 'total=all är summan för alla kommuner och kan inte kombineras med skola, kommun eller indelning (school, municipality, by)',
  },
  'årshjulet gjelder én skole; school må oppgis': {
    en: 'the year wheel is for one school; school must be given',
    sv: 'årshjulet gäller en skola; school måste anges',
  },
  'årshjulet gjelder én skole; bruk bare school': {
    en: 'the year wheel is for one school; use school only',
    sv: 'årshjulet gäller en skola; använd bara school',
  },
  'oppfølgingen gjelder ett utvalg; by kan ikke brukes her': {
    en: 'the follow-up is for one selection; by cannot be used here',
    sv: 'uppföljningen gäller ett urval; by kan inte användas här',
  },
};

/** The bokmål messages the table knows (for tests that every thrown message is translated). */
export const translatedMessages: readonly string[] = Object.keys(translations);

/** The language of a request's problems: the first of nb (also `no`, `nn`), en and sv it accepts; bokmål otherwise. */
export function problemLanguageOf(req: Request): ProblemLanguage {
  const asked = req.acceptsLanguages('nb', 'no', 'nn', 'en', 'sv');
  return asked === 'en' || asked === 'sv' ? asked : 'nb';
}

/** A problem's message in `lang`; as it is when the table does not know it. */
export function problemMessage(message: string, lang: ProblemLanguage): string {
  const known = Object.hasOwn(translations, message) ? translations[message]! : undefined;
  return known && lang !== 'nb' ? known[lang] : message;
}

/** `details` of a 400 with each `{message}` problem in `lang`; anything else as it is. */
export function localiseProblems(details: unknown, lang: ProblemLanguage): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d: unknown) => {
    if (typeof d !== 'object' || d === null || typeof (d as { message?: unknown }).message !== 'string') return d;
    return { ...d, message: problemMessage((d as { message: string }).message, lang) };
  });
}
