/** Swedish, as one chunk fetched when the page is first shown in Swedish (i18n/strings.ts). */
import { definitionsSv } from './definitionsSv.ts';
import { labelsSv } from './labelsSv.ts';
import type { LanguagePack } from './languagePack.ts';
import { sv } from './sv.ts';

export const svPack: LanguagePack = { strings: sv, labels: labelsSv, definitions: definitionsSv };
