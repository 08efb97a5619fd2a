/**
 * The key figures of contract sections 4, 4b (the year wheel's follow-up) and 4d
 * (deviations), in contract order, with what the dashboard shows beside each number: a
 * label, the definition in bokmål, what kind of number it is, its denominator, and which
 * individual-part cases (or deviations) it rests on (for small-number suppression).
 */
import { answerDueDays, openCaseAgeDays, planWindowDays } from './followUpRules.ts';

/** The keys of section 4b, which `followup --json` prints. */
export const followUpKeys = [
  'planned_meetings',
  'planned_meetings_held',
  'planned_meetings_missed',
  'plan_adherence_rate',
  'median_days_between_meetings',
  'tgl_meetings',
  'planned_tgl_visits',
  'evaluations_overdue',
  'discussed_before_consent',
  'meetings_without_agenda_in_advance',
  'meetings_without_minutes',
  'open_cases_over_90_days',
] as const;
export type FollowUpKey = (typeof followUpKeys)[number];

/** The numeric keys of section 4d (deviations); `deviations_by_agency` is in figureObjectKeys. */
export const deviationKeys = [
  'deviations_reported',
  'deviations_of_principle',
  'deviations_escalated',
  'deviations_open',
  'deviations_answer_overdue',
  'deviation_days_to_resolve_median',
] as const;
export type DeviationKey = (typeof deviationKeys)[number];

export const figureKeys = [
  'meetings_held',
  'meetings_cancelled',
  'system_case_discussions',
  'system_case_discussions_per_meeting',
  'system_measures_started',
  'staff_reached_total',
  'staff_reached_per_system_measure',
  'individual_case_discussions',
  'anonymous_case_discussions',
  'individual_case_discussions_per_meeting',
  'system_measures_for_individual_cases',
  'individual_measures_for_individual_cases',
  'cases_ended',
  'cases_referred_ppt',
  'days_to_end_median',
  'days_to_end_p90',
  'km_median_days',
  'open_cases',
  'agenda_in_advance_rate',
  'minutes_rate',
  'consent_before_discussion_rate',
  'tested_before_ppt_referral_rate',
  'evaluation_on_time_rate',
  ...followUpKeys,
  ...deviationKeys,
] as const;
export type FigureKey = (typeof figureKeys)[number];

/** Every numeric key of sections 4, 4b and 4d; null where the figure is unknown (an empty denominator). */
export type KeyFigures = { [K in FigureKey]: number | null };

/**
 * Figures that are objects from a code to a count: `deviations_by_agency`, the deviations
 * reported in the period that name each agency (agencies with none left out). Null only
 * when suppressed.
 */
export const figureObjectKeys = ['deviations_by_agency'] as const;
export type FigureObjectKey = (typeof figureObjectKeys)[number];
export type FigureObjects = { [K in FigureObjectKey]: Record<string, number> | null };

/** The base each object figure rests on, for suppression: it is shown and hidden with that unit. */
export const figureObjectBase: Readonly<Record<FigureObjectKey, FigureBaseKey>> = { deviations_by_agency: 'deviations_reported' };

/**
 * The counts the figures rest on. Denominators of rates and means, and the number of
 * individual-part cases behind each individual-part figure.
 */
export const figureBaseKeys = [
  'meetings_held',
  'system_measures_with_staff_reached',
  'individual_cases',
  'individual_cases_discussed',
  'individual_cases_with_measures',
  'cases_ended',
  'cases_referred_ppt',
  'km_cases',
  'open_cases',
  'consent_cases',
  'evaluations_due',
  'individual_cases_with_evaluations_due',
  'planned_meetings',
  'meeting_gaps',
  'deviations_reported',
  'deviations_open',
  'deviations_answer_overdue',
  'deviations_resolved',
] as const;
export type FigureBaseKey = (typeof figureBaseKeys)[number];
export type FigureBases = { [K in FigureBaseKey]: number };

/**
 * The bases that count deviations, not cases. They are suppressed like case counts (a
 * deviation is about one child), but they are no part of the union `individual_cases`.
 */
export const deviationBaseKeys: ReadonlySet<FigureBaseKey> = new Set(['deviations_reported', 'deviations_open', 'deviations_answer_overdue', 'deviations_resolved']);

export type FigureKind = 'count' | 'sum' | 'per_meeting' | 'mean' | 'median' | 'quantile' | 'rate';

export interface FigureSpec {
  readonly key: FigureKey;
  readonly label: { readonly nb: string; readonly en: string };
  /** The contract's definition in bokmål, for the dashboard and the docs. */
  readonly definition: string;
  readonly kind: FigureKind;
  /** The base shown as "n" for a rate, mean, median or per-meeting figure; null for counts. */
  readonly denominator: FigureBaseKey | null;
  /** The individual-part cases (for 4d: the deviations) the figure is computed from; null for figures that use none. */
  readonly cases: FigureBaseKey | null;
}

function spec(
  key: FigureKey,
  kind: FigureKind,
  nb: string,
  en: string,
  definition: string,
  denominator: FigureBaseKey | null = null,
  cases: FigureBaseKey | null = null,
): FigureSpec {
  return { key, kind, label: { nb, en }, definition, denominator, cases };
}

const held = 'møter med status gjennomført og dato i perioden';

export const figureSpecs: readonly FigureSpec[] = [
  spec('meetings_held', 'count', 'Gjennomførte møter', 'Meetings held', `Antall ${held}.`),
  spec('meetings_cancelled', 'count', 'Avlyste møter', 'Meetings cancelled', 'Antall møter med status avlyst og dato i perioden.'),
  spec('system_case_discussions', 'count', 'Drøftinger av systemsaker', 'System case discussions', `Antall drøftinger av systemsaker på ${held}.`),
  spec('system_case_discussions_per_meeting', 'per_meeting', 'Systemsaker per møte', 'System case discussions per meeting', 'Drøftinger av systemsaker delt på antall gjennomførte møter.', 'meetings_held'),
  spec('system_measures_started', 'count', 'Systemtiltak iverksatt', 'System measures started', 'Tiltak på systemnivå i systemsaker med iverksatt-dato i perioden.'),
  spec('staff_reached_total', 'sum', 'Ansatte som har nytte av systemtiltak', 'Staff reached', 'Summen av ansatte som har nytte, over systemtiltakene som er iverksatt i perioden (ukjent teller som 0).'),
  spec('staff_reached_per_system_measure', 'mean', 'Ansatte som har nytte per systemtiltak', 'Staff reached per system measure', 'Gjennomsnittlig antall ansatte som har nytte, over systemtiltakene der tallet er kjent.', 'system_measures_with_staff_reached'),
  spec('individual_case_discussions', 'count', 'Drøftinger av individsaker', 'Individual case discussions', `Antall drøftinger av individsaker og anonyme saker på ${held}.`, null, 'individual_cases_discussed'),
  spec('anonymous_case_discussions', 'count', 'Drøftinger av anonyme saker', 'Anonymous case discussions', `Antall drøftinger av anonyme saker på ${held}.`, null, 'individual_cases_discussed'),
  spec('individual_case_discussions_per_meeting', 'per_meeting', 'Individsaker per møte', 'Individual case discussions per meeting', 'Drøftinger av individsaker og anonyme saker delt på antall gjennomførte møter.', 'meetings_held', 'individual_cases_discussed'),
  spec('system_measures_for_individual_cases', 'count', 'Systemtiltak i individsaker', 'System measures for individual cases', 'Tiltak på systemnivå i individsaker og anonyme saker, iverksatt i perioden.', null, 'individual_cases_with_measures'),
  spec('individual_measures_for_individual_cases', 'count', 'Individtiltak i individsaker', 'Individual measures for individual cases', 'Tiltak på individnivå i individsaker og anonyme saker, iverksatt i perioden.', null, 'individual_cases_with_measures'),
  spec('cases_ended', 'count', 'Avsluttede saker', 'Cases ended', 'Individsaker og anonyme saker med avsluttet-dato i perioden (avsluttet eller henvist).', null, 'cases_ended'),
  spec('cases_referred_ppt', 'count', 'Henvist til PPT', 'Referred to PPT', 'Av de avsluttede sakene: de som ble henvist til PPT.', null, 'cases_ended'),
  spec('days_to_end_median', 'median', 'Dager til avslutning (median)', 'Days to end (median)', 'Median av dager fra første bekymring til avsluttet-dato, over de avsluttede sakene. Ved et partall saker: snittet av de to midterste.', 'cases_ended', 'cases_ended'),
  spec('days_to_end_p90', 'quantile', 'Dager til avslutning (90. persentil)', 'Days to end (90th percentile)', '90. persentil av dager fra første bekymring til avsluttet-dato, med lineær interpolasjon.', 'cases_ended', 'cases_ended'),
  spec('km_median_days', 'median', 'Dager til avslutning (Kaplan–Meier)', 'Days to end (Kaplan–Meier median)', 'Kaplan–Meier-median av dager fra første bekymring til avslutning, for individsaker og anonyme saker med første bekymring i perioden. Saker som ikke er avsluttet på telledatoen, telles med fram til den datoen (sensurert). Tom når under halvparten er avsluttet.', 'km_cases', 'km_cases'),
  spec('open_cases', 'count', 'Åpne saker', 'Open cases', 'Individsaker og anonyme saker med første bekymring senest siste dag i perioden som ikke var avsluttet den dagen.', null, 'open_cases'),
  spec('agenda_in_advance_rate', 'rate', 'Saksliste sendt på forhånd', 'Agenda sent in advance', 'Andel gjennomførte møter der sakslisten ble sendt før møtedagen.', 'meetings_held'),
  spec('minutes_rate', 'rate', 'Referat skrevet', 'Minutes written', 'Andel gjennomførte møter med referat.', 'meetings_held'),
  spec('consent_before_discussion_rate', 'rate', 'Samtykke før drøfting', 'Consent before discussion', 'Andel individsaker drøftet på gjennomførte møter i perioden der samtykke fra foresatte var gitt senest den dagen saken første gang ble drøftet.', 'consent_cases', 'consent_cases'),
  spec('tested_before_ppt_referral_rate', 'rate', 'Tiltak prøvd før henvisning til PPT', 'Measures tried before PPT referral', 'Andel av sakene henvist til PPT der minst ett tiltak var evaluert senest på henvisningsdatoen.', 'cases_referred_ppt', 'cases_referred_ppt'),
  spec('evaluation_on_time_rate', 'rate', 'Tiltak evaluert i tide', 'Measures evaluated on time', 'Andel tiltak med evalueringsdato i perioden (og senest telledatoen) som ble evaluert senest på evalueringsdatoen.', 'evaluations_due', 'individual_cases_with_evaluations_due'),
  spec('planned_meetings', 'count', 'Planlagte møter', 'Planned meetings', `Møter i årshjulet med dato i perioden og senest telledatoen.`),
  spec('planned_meetings_held', 'count', 'Planlagte møter holdt', 'Planned meetings held', `Av de planlagte møtene: de der skolen har et gjennomført møte høyst ${planWindowDays} dager før eller etter planlagt dato. Ett møte kan dekke to planlagte.`),
  spec('planned_meetings_missed', 'count', 'Planlagte møter ikke holdt', 'Planned meetings missed', 'Planlagte møter minus planlagte møter holdt.'),
  spec('plan_adherence_rate', 'rate', 'Årshjulet fulgt', 'Plan adherence', 'Andel av de planlagte møtene som ble holdt.', 'planned_meetings'),
  spec('median_days_between_meetings', 'median', 'Dager mellom møter (median)', 'Days between meetings (median)', 'For hver skole: dagene mellom hver dato med gjennomført møte i perioden og neste. Medianen av alle disse mellomrommene. Tom uten minst to møtedatoer.', 'meeting_gaps'),
  spec('tgl_meetings', 'count', 'Møter med TGL', 'Meetings with TGL', `${held[0]!.toUpperCase()}${held.slice(1)} der TGL var blant deltakerne.`),
  spec('planned_tgl_visits', 'count', 'Planlagte TGL-besøk', 'Planned TGL visits', 'TGL-besøk i årshjulet med dato i perioden og senest telledatoen.'),
  spec('evaluations_overdue', 'count', 'Evalueringer på etterskudd', 'Evaluations overdue', 'Tiltak med evalueringsdato i perioden og før telledatoen som ikke var evaluert innen telledatoen.', null, 'individual_cases_with_evaluations_due'),
  spec('discussed_before_consent', 'count', 'Drøftet før samtykke', 'Discussed before consent', 'Individsaker drøftet på gjennomførte møter i perioden der samtykke mangler eller kom etter første drøfting.', null, 'consent_cases'),
  spec('meetings_without_agenda_in_advance', 'count', 'Møter uten saksliste på forhånd', 'Meetings without agenda in advance', 'Gjennomførte møter i perioden der sakslisten ikke ble sendt før møtedagen.'),
  spec('meetings_without_minutes', 'count', 'Møter uten referat', 'Meetings without minutes', 'Gjennomførte møter i perioden uten registrert referat (nei eller ukjent).'),
  spec('open_cases_over_90_days', 'count', 'Åpne saker over 90 dager', 'Open cases over 90 days', `Åpne saker som var mer enn ${openCaseAgeDays} dager gamle på siste dag i perioden (eller telledatoen, om den er tidligere).`, null, 'open_cases'),
  spec('deviations_reported', 'count', 'Avvik meldt', 'Deviations reported', 'Avvik (samarbeidsproblemer mellom instanser rundt et barn) med dato i perioden.', null, 'deviations_reported'),
  spec('deviations_of_principle', 'count', 'Prinsipielle avvik', 'Deviations of principle', 'Av avvikene med dato i perioden: de som er prinsipielle (ikke bare et lokalt problem).', null, 'deviations_reported'),
  spec('deviations_escalated', 'count', 'Avvik meldt videre', 'Deviations escalated', 'Av avvikene med dato i perioden: de som er meldt videre til regionalt nivå senest telledatoen.', null, 'deviations_reported'),
  spec('deviations_open', 'count', 'Åpne avvik', 'Open deviations', 'Avvik med dato senest siste dag i perioden som ikke var lukket den dagen.', null, 'deviations_open'),
  spec('deviations_answer_overdue', 'count', `Avvik uten svar etter ${answerDueDays} dager`, `Deviations unanswered after ${answerDueDays} days`, `Avvik med dato senest siste dag i perioden og mer enn ${answerDueDays} dager før telledatoen, som verken var besvart skriftlig eller lukket på telledatoen.`, null, 'deviations_answer_overdue'),
  spec('deviation_days_to_resolve_median', 'median', 'Dager til avvik lukkes (median)', 'Days to resolve a deviation (median)', 'Median av dager fra avviket skjedde til det ble lukket, over avvik lukket i perioden. Ved et partall avvik: snittet av de to midterste.', 'deviations_resolved', 'deviations_resolved'),
];

export const figureSpecByKey: ReadonlyMap<FigureKey, FigureSpec> = new Map(figureSpecs.map((s) => [s.key, s]));
