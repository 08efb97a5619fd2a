/**
 * The key figures' definitions in Swedish (the server sends the contract's bokmål wording,
 * `FigureSpec.definition`; a Swedish reader gets these instead). Typed against every key, so
 * a new figure without a Swedish definition does not compile. Keep in step with
 * etl/figures/figureKeys.ts.
 */
import type { FigureKey } from '../api/types.ts';

const held = 'möten med status genomfört och datum i perioden';

export const definitionsSv: Readonly<Record<FigureKey, string>> = {
  meetings_held: `Antal ${held}.`,
  meetings_cancelled: 'Antal möten med status inställt och datum i perioden.',
  system_case_discussions: `Antal diskussioner av systemärenden på ${held}.`,
  system_case_discussions_per_meeting: 'Diskussioner av systemärenden delat med antal genomförda möten.',
  system_measures_started: 'Åtgärder på systemnivå i systemärenden med startdatum i perioden.',
  staff_reached_total: 'Summan av personal som har nytta, över systemåtgärderna som påbörjats i perioden (okänt räknas som 0).',
  staff_reached_per_system_measure: 'Genomsnittligt antal personal som har nytta, över systemåtgärderna där antalet är känt.',
  individual_case_discussions: `Antal diskussioner av individärenden och anonyma ärenden på ${held}.`,
  anonymous_case_discussions: `Antal diskussioner av anonyma ärenden på ${held}.`,
  individual_case_discussions_per_meeting: 'Diskussioner av individärenden och anonyma ärenden delat med antal genomförda möten.',
  system_measures_for_individual_cases: 'Åtgärder på systemnivå i individärenden och anonyma ärenden, påbörjade i perioden.',
  individual_measures_for_individual_cases: 'Åtgärder på individnivå i individärenden och anonyma ärenden, påbörjade i perioden.',
  cases_ended: 'Individärenden och anonyma ärenden med avslutsdatum i perioden (avslutade eller remitterade).',
  cases_referred_ppt: 'Av de avslutade ärendena: de som remitterades till PPT.',
  days_to_end_median: 'Medianen av dagar från första oro till avslutsdatum, över de avslutade ärendena. Vid ett jämnt antal ärenden: medelvärdet av de två mittersta.',
  days_to_end_p90: '90:e percentilen av dagar från första oro till avslutsdatum, med linjär interpolation.',
  km_median_days:
    'Kaplan–Meier-medianen av dagar från första oro till avslut, för individärenden och anonyma ärenden med första oro i perioden. Ärenden som inte är avslutade på räknedatumet räknas fram till det datumet (censurerade). Tom när färre än hälften är avslutade.',
  open_cases: 'Individärenden och anonyma ärenden med första oro senast sista dagen i perioden som inte var avslutade den dagen.',
  agenda_in_advance_rate: 'Andel genomförda möten där dagordningen skickades före mötesdagen.',
  minutes_rate: 'Andel genomförda möten med protokoll.',
  consent_before_discussion_rate:
    'Andel individärenden diskuterade på genomförda möten i perioden där vårdnadshavarnas samtycke gavs senast den dag ärendet först diskuterades.',
  tested_before_ppt_referral_rate: 'Andel av ärendena remitterade till PPT där minst en åtgärd var utvärderad senast på remissdatumet.',
  evaluation_on_time_rate: 'Andel åtgärder med utvärderingsdatum i perioden (och senast räknedatumet) som utvärderades senast på utvärderingsdatumet.',
  planned_meetings: 'Möten i årshjulet med datum i perioden och senast räknedatumet.',
  planned_meetings_held: 'Av de planerade mötena: de där skolan har ett genomfört möte högst 3 dagar före eller efter planerat datum. Ett möte kan täcka två planerade.',
  planned_meetings_missed: 'Planerade möten minus planerade möten hållna.',
  plan_adherence_rate: 'Andel av de planerade mötena som hölls.',
  median_days_between_meetings:
    'För varje skola: dagarna mellan varje datum med genomfört möte i perioden och nästa. Medianen av alla dessa mellanrum. Tom utan minst två mötesdatum.',
  tgl_meetings: `${held[0]!.toUpperCase()}${held.slice(1)} där TGL deltog.`,
  planned_tgl_visits: 'TGL-besök i årshjulet med datum i perioden och senast räknedatumet.',
  evaluations_overdue: 'Åtgärder med utvärderingsdatum i perioden och före räknedatumet som inte var utvärderade på räknedatumet.',
  discussed_before_consent: 'Individärenden diskuterade på genomförda möten i perioden där samtycke saknas eller kom efter den första diskussionen.',
  meetings_without_agenda_in_advance: 'Genomförda möten i perioden där dagordningen inte skickades före mötesdagen.',
  meetings_without_minutes: 'Genomförda möten i perioden utan registrerat protokoll (nej eller okänt).',
  open_cases_over_90_days: 'Öppna ärenden som var mer än 90 dagar gamla sista dagen i perioden (eller på räknedatumet, om det är tidigare).',
  deviations_reported: 'Avvikelser (samverkansproblem mellan verksamheter kring ett barn) med datum i perioden.',
  deviations_of_principle: 'Av avvikelserna med datum i perioden: de som är principiella (inte bara ett lokalt problem).',
  deviations_escalated: 'Av avvikelserna med datum i perioden: de som rapporterats vidare till regional nivå (BUS) senast räknedatumet.',
  deviations_open: 'Avvikelser med datum senast sista dagen i perioden som inte var åtgärdade den dagen.',
  deviations_answer_overdue:
    'Avvikelser med datum senast sista dagen i perioden och mer än 60 dagar före räknedatumet, som varken var besvarade eller åtgärdade på räknedatumet.',
  deviation_days_to_resolve_median: 'Medianen av dagar från avvikelsens datum till att den åtgärdades, över avvikelser åtgärdade i perioden. Vid ett jämnt antal: medelvärdet av de två mittersta.',
};
