/** English, as one chunk fetched when the page is first shown in English (i18n/strings.ts). */
import { definitionsEn } from './definitionsEn.ts';
import { en } from './en.ts';
import type { LanguagePack } from './languagePack.ts';

export const enPack: LanguagePack = { strings: en, definitions: definitionsEn };
