/**
 * The measures (tiltak) a case led to. A measure is decided at one of the case's meetings,
 * starts within two weeks, is due for evaluation four to eight weeks later and is evaluated
 * on time, late or never, as is the school's habit. Before a referral to PPT a school
 * usually has tried and evaluated at least one measure.
 */
import type { Case } from './cases.ts';
import type { CsvRow } from './csvWriter.ts';
import { isoDate, onToWeekday, type Day } from './days.ts';
import type { Random } from './random.ts';
import { drawResponsible } from './roles.ts';
import type { SchoolContext } from './schoolContext.ts';

type Level = 'system' | 'individual';

interface Dates {
  readonly started?: Day;
  readonly due?: Day;
  readonly evaluated?: Day;
}

const individualCategories = ['tilrettelegging', 'kartlegging', 'samtaler', 'foresattesamarbeid', 'intensiv_opplaering', 'lesekurs', 'miljotiltak', 'sosial_trening', 'veiledning'];
const systemCategories = ['veiledning', 'kompetanseheving', 'rutiner', 'organisering', 'observasjon', 'klassemiljo', 'kartlegging'];

function measureCount(rng: Random, ctx: SchoolContext, c: Case): number {
  if (c.kind === 'system') {
    return Math.round((1 + rng.weighted([0.45, 0.35, 0.2])) * ctx.school.profile.systemMeasureFactor * rng.uniform(0.8, 1.2));
  }
  return c.kind === 'individual' ? rng.weighted([0.12, 0.38, 0.3, 0.14, 0.06]) : rng.weighted([0.45, 0.4, 0.15]);
}

function evaluation(rng: Random, ctx: SchoolContext, c: Case, started: Day, due: Day): Day | undefined {
  const { profile } = ctx.school;
  const r = rng.next();
  if (r < profile.evaluationMissingRate) return undefined;
  let day = r < profile.evaluationMissingRate + profile.evaluationOnTimeRate ? due - rng.int(0, 10) : due + rng.int(1, 35);
  if (c.closed !== undefined && day > c.closed) {
    if (!rng.chance(0.7)) return undefined;
    day = c.closed;
  }
  return day > ctx.dataEnd ? undefined : Math.max(day, started);
}

function drawDates(rng: Random, ctx: SchoolContext, c: Case, untested: boolean): Dates {
  const decidable = c.closed !== undefined && c.discussed.length > 1 ? c.discussed.slice(0, -1) : c.discussed;
  const decided = ctx.held[rng.pick(decidable)] as Day;
  let started = onToWeekday(decided + rng.int(0, 14));
  if (c.closed !== undefined) started = Math.min(started, c.closed);
  if (rng.chance(0.07) || started > ctx.dataEnd) return {};
  const due = started + rng.int(28, 56);
  return { started, due, evaluated: untested ? undefined : evaluation(rng, ctx, c, started, due) };
}

/** A measure tried and evaluated before the case was referred to PPT. */
function testedDates(rng: Random, ctx: SchoolContext, c: Case): Dates {
  const started = onToWeekday((ctx.held[c.discussed[0] as number] as Day) + rng.int(0, 7));
  const due = started + rng.int(28, 56);
  const closed = c.closed as Day;
  return { started, due, evaluated: Math.max(started, Math.min(due - rng.int(0, 7), closed)) };
}

function staffReached(rng: Random, ctx: SchoolContext, c: Case, level: Level): number | undefined {
  if (level === 'individual') return undefined;
  const staff = ctx.school.staff;
  if (c.kind !== 'system') return rng.chance(0.5) ? rng.int(1, Math.min(4, staff)) : undefined;
  if (rng.chance(0.15)) return undefined;
  const r = rng.next();
  const reached = r < 0.4 ? Math.round(staff * rng.uniform(0.6, 1)) : r < 0.85 ? rng.int(3, 12) : rng.int(1, 3);
  return Math.max(1, Math.min(40, staff, reached));
}

export function caseMeasures(rng: Random, ctx: SchoolContext, c: Case): CsvRow[] {
  if (c.discussed.length === 0) return [];
  const referred = c.kind === 'individual' && c.outcome === 'referred_ppt';
  const tested = referred && rng.chance(ctx.school.profile.testedBeforeReferralRate);
  const count = Math.max(measureCount(rng, ctx, c), tested ? 1 : 0);
  const rows: CsvRow[] = [];
  for (let k = 0; k < count; k++) {
    const systemShare = c.kind === 'system' ? 1 : c.kind === 'individual' ? 0.2 : 0.5;
    const level: Level = tested && k === 0 ? 'individual' : rng.chance(systemShare) ? 'system' : 'individual';
    const dates = tested && k === 0 ? testedDates(rng, ctx, c) : drawDates(rng, ctx, c, referred && !tested);
    rows.push({
      measure_id: `T-${c.id}-${k + 1}`,
      case_id: c.id,
      level,
      category: rng.chance(0.08) ? undefined : rng.pick(level === 'system' ? systemCategories : individualCategories),
      responsible_role: drawResponsible(rng, ctx.school.level, level),
      started_date: dates.started === undefined ? undefined : isoDate(dates.started),
      evaluation_due_date: dates.due === undefined ? undefined : isoDate(dates.due),
      evaluated_date: dates.evaluated === undefined ? undefined : isoDate(dates.evaluated),
      staff_reached: staffReached(rng, ctx, c, level),
    });
  }
  return rows;
}
