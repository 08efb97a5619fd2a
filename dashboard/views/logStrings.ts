/** The log view's words for the server's filters, kept apart from i18n/nb.ts and en.ts. */
import type { Lang } from '../i18n/lang.ts';

export interface LogStrings {
  readonly count: (shown: number, more: boolean) => string;
  readonly school: string;
  readonly anyone: string;
  readonly userHint: string;
  readonly badDay: (text: string) => string;
  readonly clear: string;
}

const nb: LogStrings = {
  count: (n, more) =>
    `${n === 0 ? 'Ingen hendelser passer filtrene' : n === 1 ? 'Viser den ene hendelsen som passer filtrene' : `Viser de ${n} siste hendelsene som passer filtrene`}${more ? '; «Vis eldre hendelser» henter flere' : ''}. Filtrene står i adressen, så lenken viser det samme.`,
  school: 'Skole',
  anyone: 'Alle brukere',
  userHint: 'Brukernavn; tomt for alle',
  badDay: (text) => `«${text}» er ikke en dato. Skriv dd.mm.åååå. Loggen viser fortsatt forrige utvalg.`,
  clear: 'Nullstill filtrene',
};

const en: LogStrings = {
  count: (n, more) =>
    `${n === 0 ? 'No events match the filters' : n === 1 ? 'Showing the one event that matches the filters' : `Showing the ${n} latest events that match the filters`}${more ? '; “Show older events” fetches more' : ''}. The filters are in the address, so the link shows the same.`,
  school: 'School',
  anyone: 'All users',
  userHint: 'Username; empty for all',
  badDay: (text) => `“${text}” is not a date. Write dd.mm.yyyy. The log still shows the previous selection.`,
  clear: 'Clear the filters',
};

const sv: LogStrings = {
  count: (n, more) =>
    `${n === 0 ? 'Inga händelser matchar filtren' : n === 1 ? 'Visar den enda händelsen som matchar filtren' : `Visar de ${n} senaste händelserna som matchar filtren`}${more ? '; «Visa äldre händelser» hämtar fler' : ''}. Filtren står i adressen, så länken visar samma sak.`,
  school: 'Skola',
  anyone: 'Alla användare',
  userHint: 'Användarnamn; tomt för alla',
  badDay: (text) => `«${text}» är inte ett datum. Skriv åååå-mm-dd. Loggen visar fortfarande det förra urvalet.`,
  clear: 'Rensa filtren',
};

const byLang: Readonly<Record<Lang, LogStrings>> = { nb, en, sv };

export function logStrings(lang: Lang): LogStrings {
  return byLang[lang];
}
