/** The strings for a language, and a figure's label in it. */
import type { FigureSpec } from '../api/types.ts';
import { en } from './en.ts';
import type { Lang } from './lang.ts';
import { nb, type Strings } from './nb.ts';

export type { Strings };

export function strings(lang: Lang): Strings {
  return lang === 'en' ? en : nb;
}

export function figureLabel(spec: FigureSpec, lang: Lang): string {
  return spec.label[lang];
}
