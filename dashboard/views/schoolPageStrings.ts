/**
 * The school page's comparison words (issue 12, point 2), kept apart from i18n/nb.ts and
 * en.ts: the switch for counts per pupil and per 10 staff, the mean school, last year and
 * the change.
 */
import type { PerSize } from '../data/schoolComparison.ts';
import type { Lang } from '../i18n/lang.ts';

export interface SchoolPageStrings {
  readonly perLegend: string;
  readonly perOption: Readonly<Record<'count' | PerSize, string>>;
  readonly perNote: Readonly<Record<PerSize, string>>;
  readonly sizeUnknown: string;
  readonly meanSchool: (municipality: string) => string;
  readonly meanSchoolNote: (municipality: string, schools: number) => string;
  readonly previous: (label: string) => string;
  readonly change: string;
  readonly points: string;
  readonly samePeriodLastYear: string;
  readonly lastYearReference: (label: string) => string;
  readonly lastYearAlt: (label: string) => string;
}

const nb: SchoolPageStrings = {
  perLegend: 'Vis antall',
  perOption: { count: 'Som talt', pupils: 'Per elev', staff: 'Per 10 ansatte' },
  perNote: {
    pupils: 'Antall og summer er delt på skolens elever; andeler, snitt og medianer er som før.',
    staff: 'Antall og summer er delt på skolens ansatte og ganget med 10; andeler, snitt og medianer er som før.',
  },
  sizeUnknown: 'Skolens størrelse er ikke kjent i skolefila, så tallene kan ikke vises per elev eller per ansatt.',
  meanSchool: (m) => `Snittskole, ${m}`,
  meanSchoolNote: (m, n) =>
    `Snittskole: for antall og summer ${m} totalt delt på kommunens ${n} skoler (per elev og per 10 ansatte: delt på alle skolenes elever eller ansatte); for andeler, snitt og medianer kommunens eget tall.`,
  previous: (label) => `I fjor (${label})`,
  change: 'Endring',
  points: 'prosentpoeng',
  samePeriodLastYear: 'samme periode året før',
  lastYearReference: (label) => `I fjor (${label})`,
  lastYearAlt: (label) => `Prikket linje: ${label}, skolens egne tall året før, flyttet ett år fram.`,
};

const en: SchoolPageStrings = {
  perLegend: 'Show counts',
  perOption: { count: 'As counted', pupils: 'Per pupil', staff: 'Per 10 staff' },
  perNote: {
    pupils: "Counts and sums are divided by the school's pupils; rates, means and medians are as before.",
    staff: "Counts and sums are divided by the school's staff and multiplied by 10; rates, means and medians are as before.",
  },
  sizeUnknown: "The school's size is not known in the schools file, so figures cannot be shown per pupil or per staff member.",
  meanSchool: (m) => `Mean school, ${m}`,
  meanSchoolNote: (m, n) =>
    `Mean school: for counts and sums the ${m} total divided by its ${n} schools (per pupil and per 10 staff: by all the schools' pupils or staff); for rates, means and medians the municipality's own figure.`,
  previous: (label) => `Last year (${label})`,
  change: 'Change',
  points: 'percentage points',
  samePeriodLastYear: 'the same period a year earlier',
  lastYearReference: (label) => `Last year (${label})`,
  lastYearAlt: (label) => `Dotted line: ${label}, the school's own figures a year earlier, moved a year on.`,
};

const sv: SchoolPageStrings = {
  perLegend: 'Visa antal',
  perOption: { count: 'Som räknat', pupils: 'Per elev', staff: 'Per 10 anställda' },
  perNote: {
    pupils: 'Antal och summor är delade med skolans elever; andelar, medelvärden och medianer är som förut.',
    staff: 'Antal och summor är delade med skolans anställda och multiplicerade med 10; andelar, medelvärden och medianer är som förut.',
  },
  sizeUnknown: 'Skolans storlek finns inte i skolfilen, så talen kan inte visas per elev eller per anställd.',
  meanSchool: (m) => `Medelskola, ${m}`,
  meanSchoolNote: (m, n) =>
    `Medelskola: för antal och summor ${m} totalt delat med kommunens ${n} skolor (per elev och per 10 anställda: delat med alla skolornas elever eller anställda); för andelar, medelvärden och medianer kommunens eget tal.`,
  previous: (label) => `I fjol (${label})`,
  change: 'Förändring',
  points: 'procentenheter',
  samePeriodLastYear: 'samma period året innan',
  lastYearReference: (label) => `I fjol (${label})`,
  lastYearAlt: (label) => `Prickad linje: ${label}, skolans egna tal året innan, flyttad ett år framåt.`,
};

const byLang: Readonly<Record<Lang, SchoolPageStrings>> = { nb, en, sv };

export function schoolPageStrings(lang: Lang): SchoolPageStrings {
  return byLang[lang];
}
