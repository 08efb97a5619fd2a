/**
 * What the import page says about a file with more rejections than the report lists (the
 * server lists the first 10,000 of each file; the quarantine keeps them all), in bokmål,
 * English and Swedish. Numbers come formatted.
 */
const nb = {
  omittedNote: (listed: string, total: string) =>
    `Rapporten viser de første ${listed} av ${total} avviste rader. Filen med avviste rader har alle ${total}: den henter resten fra karantenen.`,
  quarantineFailed: 'Resten av de avviste radene kunne ikke hentes fra karantenen, så filen ble ikke laget. Prøv igjen, eller se karantenen under importhistorikken.',
};

export type OmittedStrings = typeof nb;

const en: OmittedStrings = {
  omittedNote: (listed, total) => `The report lists the first ${listed} of ${total} rejected rows. The file of rejected rows holds all ${total}: it fetches the rest from the quarantine.`,
  quarantineFailed: 'The rest of the rejected rows could not be fetched from the quarantine, so the file was not made. Try again, or see the quarantine in the import history.',
};

const sv: OmittedStrings = {
  omittedNote: (listed, total) => `Rapporten visar de första ${listed} av ${total} avvisade rader. Filen med avvisade rader har alla ${total}: den hämtar resten från karantänen.`,
  quarantineFailed: 'Resten av de avvisade raderna kunde inte hämtas från karantänen, så filen skapades inte. Försök igen, eller se karantänen i importhistoriken.',
};

export function omittedStrings(lang: string): OmittedStrings {
  return lang === 'en' ? en : lang === 'sv' ? sv : nb;
}
