/**
 * consent_before_discussion_rate: of the `individual` cases (not anonymous: there are no
 * known guardians to ask) discussed at a held meeting in the period, the share whose
 * consent_date is on or before the case's first discussion at any held meeting, also one
 * before the period (first_discussion_date in the case facts). A case without a
 * consent_date is in the denominator only. discussed_before_consent (section 4b) counts the
 * rest of the denominator: consent missing, or given after the first discussion.
 */
import { countOf, ratio, type FigureFamily } from './figureFamily.ts';

const t = 'consent_figures';

export const consentFigure: FigureFamily = {
  ctes: [
    `consent_cases AS (
  SELECT DISTINCT g, period, case_no FROM held_discussions WHERE kind = 'individual'
)`,
  ],
  table: t,
  aggregate: {
    from: 'consent_cases cc JOIN case_facts c USING (case_no)',
    keys: ['cc.g', 'cc.period'],
    columns: ['count(*) AS consent_cases', 'count(*) FILTER (WHERE c.consent_date <= c.first_discussion_date) AS consent_before_discussion'],
  },
  figures: {
    consent_before_discussion_rate: ratio(`${t}.consent_before_discussion`, `${t}.consent_cases`),
    discussed_before_consent: `${countOf(t, 'consent_cases')} - ${countOf(t, 'consent_before_discussion')}`,
  },
  bases: { consent_cases: countOf(t, 'consent_cases') },
  individualCases: `SELECT g, period, case_no FROM consent_cases`,
};
