/** The strings for a language, and a figure's label in it. */
import type { FigureSpec } from '../api/types.ts';
import { en } from './en.ts';
import { labelsSv } from './labelsSv.ts';
import type { Lang } from './lang.ts';
import { nb, type Strings } from './nb.ts';
import { sv } from './sv.ts';

export type { Strings };

const dictionaries: Readonly<Record<Lang, Strings>> = { nb, en, sv };

export function strings(lang: Lang): Strings {
  return dictionaries[lang];
}

/** The server sends each figure's label in bokmål and English; the Swedish ones live here. */
export function figureLabel(spec: FigureSpec, lang: Lang): string {
  return lang === 'sv' ? labelsSv[spec.key] : spec.label[lang];
}
