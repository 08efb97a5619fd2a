/** The words of changing an identity-provider mapping on the users page (`?view=users`), by language. */
import type { Lang } from './lang.ts';

export interface MappingEditStrings {
  readonly heading: string;
  readonly mapping: string;
  readonly intro: string;
  readonly save: string;
  readonly changed: string;
}

const nb: MappingEditStrings = {
  heading: 'Endre kobling',
  mapping: 'Kobling',
  intro: 'Ny rolle og nytt område for en kobling. De som har logget inn gjennom den, logges ut og får den nye rollen.',
  save: 'Lagre koblingen',
  changed: 'Endret koblingen.',
};

const en: MappingEditStrings = {
  heading: 'Change a mapping',
  mapping: 'Mapping',
  intro: 'A new role and scope for a mapping. Those who signed in through it are signed out and get the new role.',
  save: 'Save the mapping',
  changed: 'Changed the mapping.',
};

const sv: MappingEditStrings = {
  heading: 'Ändra koppling',
  mapping: 'Koppling',
  intro: 'En ny roll och ett nytt område för en koppling. De som har loggat in genom den loggas ut och får den nya rollen.',
  save: 'Spara kopplingen',
  changed: 'Ändrade kopplingen.',
};

const byLang: Readonly<Record<Lang, MappingEditStrings>> = { nb, en, sv };

export function mappingEditStrings(lang: Lang): MappingEditStrings {
  return byLang[lang];
}
