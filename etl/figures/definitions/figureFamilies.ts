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
 * suppressing a whole view of a school with few individual-part cases.
 */
function individualCasesBase(families: readonly FigureFamily[]): FigureFamily {
  const sets = families.flatMap((f) => (f.individualCases ? [f.individualCases] : []));
  const t = 'individual_case_base';
  return {
    ctes: [],
    table: t,
    aggregate: {
      from: `(${sets.join('\n        UNION ALL\n        ')})`,
      columns: ['count(DISTINCT case_no) AS individual_cases'],
    },
    figures: {},
    bases: { individual_cases: countOf(t, 'individual_cases') },
  };
}

export const figureFamilies: readonly FigureFamily[] = [
  ...figureFamiliesWithCases,
  individualCasesBase(figureFamiliesWithCases),
  deviationFigures,
];
