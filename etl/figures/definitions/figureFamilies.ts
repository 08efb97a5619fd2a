/**
 * Every figure family, plus the union base: the distinct individual-part cases behind any
 * figure. The union base reads the other families' CTEs, so it comes last. Deviations are
 * not cases: their family stands apart from the union.
 */
import { consentFigure } from './consentFigure.ts';
import { discussionFigures } from './discussionFigures.ts';
import { endedCaseFigures } from './endedCaseFigures.ts';
import { evaluationFigure } from './evaluationFigure.ts';
import { deviationFigures } from './deviationFigures.ts';
import { countOf, type FigureFamily } from './figureFamily.ts';
import { kaplanMeier } from './kaplanMeier.ts';
import { measureFigures } from './measureFigures.ts';
import { meetingFigures } from './meetingFigures.ts';
import { meetingRhythmFigure } from './meetingRhythmFigure.ts';
import { openCasesFigure } from './openCasesFigure.ts';
import { yearWheelFigures } from './yearWheelFigures.ts';

const figureFamiliesWithCases: readonly FigureFamily[] = [
  meetingFigures,
  discussionFigures,
  consentFigure,
  measureFigures,
  evaluationFigure,
  endedCaseFigures,
  openCasesFigure,
  kaplanMeier,
  yearWheelFigures,
  meetingRhythmFigure,
];

/**
 * `individual_cases`: a case counted once however many figures it is behind, the base for
 * suppressing a whole view of a school with few individual-part cases. The same aggregate
 * counts each family's own cases once (its individualCasesBase): every case of the union
 * once per group and period, with a bit for each such family it is behind. One hash aggregate
 * for all of them instead of a count(DISTINCT) per family (each sets up its own hash
 * table). Case numbers come from inner joins, never NULL; the filter keeps count(DISTINCT)'s
 * meaning all the same.
 */
function individualCasesBase(families: readonly FigureFamily[]): FigureFamily {
  const withCases = families.filter((f) => f.individualCases);
  const counted = withCases.filter((f) => f.individualCasesBase);
  // One bit per counted family: a case's bits say which of them it is behind.
  const bitOf = (f: FigureFamily): number => (counted.includes(f) ? 2 ** counted.indexOf(f) : 0);
  const sets = withCases.map((f) => `SELECT g, period, case_no, ${bitOf(f)}::UTINYINT AS bits FROM (${f.individualCases})`);
  const t = 'individual_case_base';
  const bases: FigureFamily['bases'] = { individual_cases: countOf(t, 'individual_cases') };
  for (const f of counted) bases[f.individualCasesBase!] = countOf(t, f.individualCasesBase!);
  return {
    ctes: [],
    table: t,
    aggregate: {
      from: `(SELECT g, period, case_no, bit_or(bits) AS bits
        FROM (${sets.join('\n        UNION ALL\n        ')})
        WHERE case_no IS NOT NULL
        GROUP BY g, period, case_no)`,
      columns: [
        'count(*) AS individual_cases',
        ...counted.map((f) => `count(*) FILTER (WHERE bits & ${bitOf(f)} <> 0) AS ${f.individualCasesBase!}`),
      ],
    },
    figures: {},
    bases,
  };
}

export const figureFamilies: readonly FigureFamily[] = [
  ...figureFamiliesWithCases,
  individualCasesBase(figureFamiliesWithCases),
  deviationFigures,
];
