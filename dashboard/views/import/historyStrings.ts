/**
 * The import page's history section, bokmål, English and Swedish (its own module beside
 * importStrings.ts). A refused batch's reason comes from the server in bokmål and is shown as it is.
 */
import type { Lang } from '../../i18n/lang.ts';
import type { ImportHistoryEntry } from '../../api/importHistoryEndpoints.ts';

type Outcome = ImportHistoryEntry['outcome'];

const nb = {
  heading: 'Tidligere importer',
  caption: 'De siste importene, nyeste først',
  columns: { when: 'Tidspunkt', who: 'Hvem', files: 'Filer', outcome: 'Utfall', read: 'Lest', loaded: 'Nye og endrede', rejected: 'Avvist', open: 'Fortsatt i karantene' },
  outcomes: { loaded: 'Lest inn', loaded_with_rejections: 'Lest inn, med avviste rader', fixed: 'Lest inn; avviste rader er rettet senere', refused: 'Avvist: ingenting lest inn' } satisfies Record<Outcome, string>,
  none: 'Ingen importer ennå.',
  failed: 'Historikken kunne ikke hentes.',
};

export type HistoryStrings = typeof nb;

const en: HistoryStrings = {
  heading: 'Earlier imports',
  caption: 'The latest imports, newest first',
  columns: { when: 'When', who: 'Who', files: 'Files', outcome: 'Outcome', read: 'Read', loaded: 'New and changed', rejected: 'Rejected', open: 'Still in quarantine' },
  outcomes: { loaded: 'Loaded', loaded_with_rejections: 'Loaded, with rejected rows', fixed: 'Loaded; rejected rows fixed since', refused: 'Refused: nothing loaded' },
  none: 'No imports yet.',
  failed: 'The history could not be loaded.',
};

const sv: HistoryStrings = {
  heading: 'Tidigare importer',
  caption: 'De senaste importerna, nyaste först',
  columns: { when: 'Tidpunkt', who: 'Vem', files: 'Filer', outcome: 'Utfall', read: 'Lästa', loaded: 'Nya och ändrade', rejected: 'Avvisade', open: 'Kvar i karantän' },
  outcomes: { loaded: 'Inläst', loaded_with_rejections: 'Inläst, med avvisade rader', fixed: 'Inläst; avvisade rader rättade senare', refused: 'Avvisad: inget inläst' },
  none: 'Inga importer ännu.',
  failed: 'Historiken kunde inte hämtas.',
};

export function historyStrings(lang: Lang): HistoryStrings {
  return lang === 'en' ? en : lang === 'sv' ? sv : nb;
}
