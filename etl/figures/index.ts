/**
 * The key figures of contract section 4, computed in DuckDB. The CLI, the server and the
 * dashboard's data all come from here.
 */
export { computeFigures, computeFiguresBy } from './computeFigures.ts';
export { monthlySeries, type MonthlyFigures } from './monthlySeries.ts';
export { durationDistribution, type DurationCount, type Outcome } from './durationDistribution.ts';
export { survivalCurves, type SurvivalPoint } from './survivalCurves.ts';
export { FigureQuery, Breakdown, SchoolLevel } from './figureQuery.ts';
export { ensureFigureFacts, refreshFigureFacts } from './facts/ensureFigureFacts.ts';
export { dataVersion } from './facts/dataVersion.ts';
export {
  figureKeys,
  figureBaseKeys,
  figureObjectKeys,
  deviationKeys,
  figureSpecs,
  figureSpecByKey,
  followUpKeys,
  type FigureKey,
  type FollowUpKey,
  type FigureBaseKey,
  type FigureBases,
  type FigureKind,
  type FigureObjectKey,
  type FigureObjects,
  type DeviationKey,
  type FigureSpec,
  type KeyFigures,
} from './figureKeys.ts';
export {
  contractFigures,
  type FigureRow,
  type SchoolFigures,
  type MunicipalityFigures,
  type SchoolIdentity,
  type MunicipalityIdentity,
} from './figureRows.ts';
export type { GroupIdentity } from './groupedRows.ts';
export {
  allUnits,
  defaultSuppressionThreshold,
  planSuppression,
  primarySuppression,
  suppressRow,
  suppressionUnits,
  type ShownFigureRow,
  type SuppressionCell,
  type SuppressionGroup,
  type SuppressionUnit,
} from './suppressFigures.ts';
export { caseSchoolYears, type CaseSchoolYears } from './caseSchoolYears.ts';
export { planConsecutiveYears, stockFlows, type StockFlow, type YearTable } from './suppressConsecutiveYears.ts';
