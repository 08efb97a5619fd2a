/** What a language beside bokmål brings: its dictionary, and the figures' labels and definitions (bokmål's come from the server). */
import type { FigureKey } from '../api/types.ts';
import type { Strings } from './nb.ts';

export interface LanguagePack {
  readonly strings: Strings;
  /** The figures' labels; absent where the server sends them (English). */
  readonly labels?: Readonly<Record<FigureKey, string>>;
  readonly definitions: Readonly<Record<FigureKey, string>>;
}
