/**
 * The strings for a language, and a figure's label and definition in it. Bokmål is in the
 * entry bundle; English and Swedish are chunks of their own (enPack.ts, svPack.ts), fetched by
 * `loadLanguage` before a page is first shown in that language, so a Norwegian reader's first
 * chart does not wait for two dictionaries it never shows.
 */
import type { FigureSpec } from '../api/types.ts';
import type { LanguagePack } from './languagePack.ts';
import type { Lang } from './lang.ts';
import { nb, type Strings } from './nb.ts';

export type { Strings };

const packs = new Map<Lang, LanguagePack>();
const fetchers: Readonly<Record<Exclude<Lang, 'nb'>, () => Promise<LanguagePack>>> = {
  en: async () => (await import('./enPack.ts')).enPack,
  sv: async () => (await import('./svPack.ts')).svPack,
};

/** Fetches a language's strings once; bokmål needs nothing. Rejects when the chunk cannot be fetched. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'nb' || packs.has(lang)) return;
  packs.set(lang, await fetchers[lang]());
}

/**
 * The strings of a language fetched by `loadLanguage`; bokmål until then (a dictionary that
 * could not be fetched leaves the page readable in bokmål rather than blank).
 */
export function strings(lang: Lang): Strings {
  return packs.get(lang)?.strings ?? nb;
}

/** The server sends each figure's label in bokmål and English; the Swedish ones come with Swedish. */
export function figureLabel(spec: FigureSpec, lang: Lang): string {
  return lang === 'sv' ? (packs.get('sv')?.labels?.[spec.key] ?? spec.label.nb) : spec.label[lang];
}

/** The figure's definition: the server's bokmål wording, or the fetched language's. */
export function figureDefinition(spec: FigureSpec, lang: Lang): string {
  return (lang === 'nb' ? undefined : packs.get(lang)?.definitions[spec.key]) ?? spec.definition;
}
