/** One handler per dataset: cross-field rules, then per-row accumulation into metrics and breakdowns. */
import type { DatasetId, Breakdown, HonorEntry, IndicatorEntry, MetricSeries } from '../../shared/types.ts';
import { SCHOOL_STAGES, funding, militiaCases, trainingSessions, schoolPlacements, honors as honorsSchema, indicators as indicatorsSchema } from '../schema/index.ts';
import { addDecimal, toNumber, type Decimal } from '../../shared/decimal.ts';
import { MAX_EXACT_INTEGER, dateMonth, dateYear, trimCell } from '../read/values.ts';
import { fieldLine } from '../read/csv.ts';
import { columnIndex, type Binding, type HeaderPlan, type IssueLog, type Row } from '../validate.ts';

const F = columnIndex(funding);
const M = columnIndex(militiaCases);
const T = columnIndex(trainingSessions);
const S = columnIndex(schoolPlacements);
const H = columnIndex(honorsSchema);
const I = columnIndex(indicatorsSchema);
import { DecimalTally } from './tally.ts';
import { breakdownOf, metricFromCounts, metricFromDecimals } from './series.ts';
import { CountSubtotalWatch, SubtotalWatch, type SuspectTotal } from './subtotal.ts';
import { UNCLASSIFIED } from '../../shared/catch-all.ts';
import { BREAKDOWNS, METRICS, fundingCategoryMetric, indicatorMetricId, type BreakdownDef, type MetricDef } from '../../shared/metrics.ts';

/**
 * The most honors one page lists. The honors page shows every honor at once, without paging and without
 * JavaScript; since its entries are lean markup under a global stylesheet an honor costs about 0.2 KB of HTML
 * (the large data set's 3,000 honors: 553 KB raw, 55 KB gzip, bench:site --large), so 5,000 honors are about
 * 1 MB, which a phone on a government network still opens, and ten times any district's record (dozens to a few
 * hundred). Past it the run fails rather than publish a page nobody can open.
 */
export const HONORS_LIMIT = 5000;

const MAX_BIG = BigInt(MAX_EXACT_INTEGER);

/** Report rows that equal the sum of the other rows of their year (请核实, a warning each). */
function reportSuspects(log: IssueLog, suspects: SuspectTotal[], b: Binding): void {
  for (const x of suspects) log.plain('warning', 'subtotal_sum', x.line, x.column, { header: b.header, value: x.value, year: x.year });
}

/** A sum beyond 2^53 − 1: the row is refused at its cell (false when the sum stays exact). */
function sumTooLarge(log: IssueLog, b: Binding, fields: string[], line: number, year: number): false {
  log.value('sum_too_large', fieldLine(fields, line, b.index), b.index + 1, b.header, b.column.key, {
    year,
    limit: MAX_EXACT_INTEGER,
    value: trimCell(fields[b.index] ?? ''),
  });
  return false;
}

/** A catalog metric from whole-number per-year values. */
function countMetric(def: MetricDef, byYear: ReadonlyMap<number, number>): [string, MetricSeries] {
  return [def.id, metricFromCounts(def.label, def.unit, byYear)];
}

/** A catalog breakdown from per-(year, key) values (see breakdownOf for the key order). */
function catalogBreakdown(
  def: BreakdownDef,
  byYear: ReadonlyMap<number, ReadonlyMap<string, number>>,
  rowCount: ReadonlyMap<string, number>,
  order?: readonly string[],
): [string, Breakdown] {
  return [def.id, breakdownOf(def.label, def.unit, byYear, rowCount, order)];
}

export interface Contribution {
  metrics: [string, MetricSeries][];
  breakdowns: [string, Breakdown][];
  years: number[];
  honors?: HonorEntry[];
  indicators?: IndicatorEntry[];
}

export interface DatasetHandler {
  /** Apply cross-field rules and accumulate; false (with an error logged) rejects the row. */
  add(row: Row, line: number, fields: string[]): boolean;
  /** See a row that failed validation, for rules that refer to earlier rows in file order. */
  observe?(row: Row, line: number, fields: string[]): void;
  finish(): Contribution;
}

function binding(plan: HeaderPlan, key: string): Binding {
  const b = plan.bindings.find((x) => x.column.key === key);
  if (!b) throw new Error(`column ${key} is not bound`);
  return b;
}

/** (year → key → [measures..., rows]) for integer measures; the last slot counts rows. */
class KeyedCounts {
  readonly byYear = new Map<number, Map<string, number[]>>();
  private lastYear = NaN;
  private last: Map<string, number[]> | null = null;
  constructor(private readonly width: number) {}
  add(year: number, key: string, a: number, b = 0): void {
    let m = this.last;
    if (year !== this.lastYear || m === null) {
      m = this.byYear.get(year) ?? null;
      if (m === null) this.byYear.set(year, (m = new Map()));
      this.last = m;
      this.lastYear = year;
    }
    let v = m.get(key);
    if (v === undefined) m.set(key, (v = this.width === 1 ? [0, 0] : [0, 0, 0]));
    v[0]! += a;
    if (this.width > 1) v[1]! += b;
    v[this.width]! += 1;
  }
  /** Measure `i` as year → key → value. */
  measure(i: number): Map<number, Map<string, number>> {
    return new Map([...this.byYear].map(([y, m]) => [y, new Map([...m].map(([k, v]) => [k, v[i]!]))]));
  }
  /** Rows per key over all years. */
  get rows(): Map<string, number> {
    const out = new Map<string, number>();
    for (const m of this.byYear.values()) for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v[this.width]!);
    return out;
  }
}

function yearTotals(k: KeyedCounts, i: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [y, m] of k.byYear) {
    let s = 0;
    for (const v of m.values()) s += v[i]!;
    out.set(y, s);
  }
  return out;
}

function fundingHandler(plan: HeaderPlan, log: IssueLog): DatasetHandler {
  const t = new DecimalTally();
  const amount = binding(plan, 'amount_wan');
  const watch = new SubtotalWatch();
  return {
    add(row, line, fields) {
      const year = row[F.year] as number;
      const value = row[F.amount_wan] as Decimal;
      const total = t.totals.get(year);
      if (total !== undefined && addDecimal(total, value).m > MAX_BIG) return sumTooLarge(log, amount, fields, line, year);
      t.add(year, row[F.category] as string, value);
      watch.add(year, value, fields, line, amount.index);
      return true;
    },
    finish() {
      reportSuspects(log, watch.finish(), amount);
      const total = METRICS.fundingTotal;
      const metrics: [string, MetricSeries][] = [[total.id, metricFromDecimals(total.label, total.unit, t.totals)]];
      const cats = new Map<string, Map<number, Decimal>>();
      for (const [y, m] of t.byYear) {
        for (const [c, v] of m) {
          let s = cats.get(c);
          if (!s) cats.set(c, (s = new Map()));
          s.set(y, v);
        }
      }
      const byYearNum = new Map([...t.byYear].map(([y, m]) => [y, new Map([...m].map(([k, v]) => [k, toNumber(v)]))]));
      const [breakdownId, breakdown] = catalogBreakdown(BREAKDOWNS.fundingCategory, byYearNum, t.rowCount);
      for (const c of breakdown.keys) {
        const { id, label } = fundingCategoryMetric(c);
        metrics.push([id, metricFromDecimals(label, breakdown.unit, cats.get(c)!)]);
      }
      return { metrics, breakdowns: [[breakdownId, breakdown]], years: [...t.totals.keys()] };
    },
  };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));

function militiaHandler(plan: HeaderPlan, log: IssueLog): DatasetHandler {
  const totals = new Map<number, number[]>();
  const bySub = new KeyedCounts(2);
  const byType = new KeyedCounts(2);
  const byMonth = new Map<number, Float64Array>();
  const casesCol = binding(plan, 'cases');
  const personsCol = binding(plan, 'persons');
  const watch = new CountSubtotalWatch();
  return {
    add(row, line, fields) {
      const d = row[M.date] as number;
      const y = dateYear(d);
      const cases = row[M.cases] as number;
      const persons = row[M.persons] as number;
      let t = totals.get(y);
      if (!t) totals.set(y, (t = [0, 0]));
      if (t[0]! + cases > MAX_EXACT_INTEGER) return sumTooLarge(log, casesCol, fields, line, y);
      if (t[1]! + persons > MAX_EXACT_INTEGER) return sumTooLarge(log, personsCol, fields, line, y);
      watch.add(y, cases, fields, line, casesCol.index);
      t[0]! += cases;
      t[1]! += persons;
      bySub.add(y, row[M.subdistrict] as string, cases, persons);
      byType.add(y, (row[M.case_type] as string | null) ?? UNCLASSIFIED, cases, persons);
      let mo = byMonth.get(y);
      if (!mo) byMonth.set(y, (mo = new Float64Array(24)));
      const m = dateMonth(d) - 1;
      mo[m]! += cases;
      mo[12 + m]! += persons;
      return true;
    },
    finish() {
      reportSuspects(log, watch.finish(), casesCol);
      const month = (i: number) =>
        new Map(
          [...byMonth].map(([y, a]) => [y, new Map(MONTHS.map((k, m) => [k, a[i * 12 + m]!] as const).filter(([, v]) => v !== 0))] as const),
        );
      const monthRows = new Map<string, number>();
      return {
        metrics: [
          countMetric(METRICS.militiaCases, new Map([...totals].map(([y, v]) => [y, v[0]!]))),
          countMetric(METRICS.militiaPersons, new Map([...totals].map(([y, v]) => [y, v[1]!]))),
        ],
        breakdowns: [
          catalogBreakdown(BREAKDOWNS.militiaSubdistrictCases, bySub.measure(0), bySub.rows),
          catalogBreakdown(BREAKDOWNS.militiaSubdistrictPersons, bySub.measure(1), bySub.rows),
          catalogBreakdown(BREAKDOWNS.militiaCaseTypeCases, byType.measure(0), byType.rows),
          catalogBreakdown(BREAKDOWNS.militiaCaseTypePersons, byType.measure(1), byType.rows),
          catalogBreakdown(BREAKDOWNS.militiaMonthCases, month(0), monthRows, MONTHS),
          catalogBreakdown(BREAKDOWNS.militiaMonthPersons, month(1), monthRows, MONTHS),
        ],
        years: [...totals.keys()],
      };
    },
  };
}

function trainingHandler(plan: HeaderPlan, log: IssueLog): DatasetHandler {
  const byKind = new KeyedCounts(2);
  const participants = binding(plan, 'participants');
  const sessionsCol = plan.bindings.find((b) => b.column.key === 'sessions') ?? participants;
  const sums = new Map<number, number[]>();
  const watch = new CountSubtotalWatch();
  return {
    add(row, line, fields) {
      const y = dateYear(row[T.date] as number);
      const sessions = (row[T.sessions] as number | null) ?? 1;
      const people = row[T.participants] as number;
      let s = sums.get(y);
      if (!s) sums.set(y, (s = [0, 0]));
      if (s[0]! + sessions > MAX_EXACT_INTEGER) return sumTooLarge(log, sessionsCol, fields, line, y);
      if (s[1]! + people > MAX_EXACT_INTEGER) return sumTooLarge(log, participants, fields, line, y);
      s[0]! += sessions;
      s[1]! += people;
      watch.add(y, people, fields, line, participants.index);
      byKind.add(y, row[T.kind] as string, sessions, people);
      return true;
    },
    finish() {
      reportSuspects(log, watch.finish(), participants);
      return {
        metrics: [
          countMetric(METRICS.trainingSessions, yearTotals(byKind, 0)),
          countMetric(METRICS.trainingParticipants, yearTotals(byKind, 1)),
        ],
        breakdowns: [
          catalogBreakdown(BREAKDOWNS.trainingKindSessions, byKind.measure(0), byKind.rows),
          catalogBreakdown(BREAKDOWNS.trainingKindParticipants, byKind.measure(1), byKind.rows),
        ],
        years: [...byKind.byYear.keys()],
      };
    },
  };
}

function schoolHandler(plan: HeaderPlan, log: IssueLog): DatasetHandler {
  const byStage = new KeyedCounts(2);
  const placed = binding(plan, 'placed');
  const requested = binding(plan, 'requested');
  const sums = new Map<number, number>();
  const watch = new CountSubtotalWatch();
  return {
    add(row, line, fields) {
      const req = row[S.requested] as number;
      const pl = row[S.placed] as number;
      if (pl > req) {
        log.value('placed_gt_requested', fieldLine(fields, line, placed.index), placed.index + 1, placed.header, 'placed', {
          requested: req,
          value: fields[placed.index]!.trim(),
        });
        return false;
      }
      const year = row[S.year] as number;
      // placed <= requested, so the requested sum bounds both.
      const sum = (sums.get(year) ?? 0) + req;
      if (sum > MAX_EXACT_INTEGER) return sumTooLarge(log, requested, fields, line, year);
      sums.set(year, sum);
      watch.add(year, req, fields, line, requested.index);
      byStage.add(year, row[S.stage] as string, req, pl);
      return true;
    },
    finish() {
      reportSuspects(log, watch.finish(), requested);
      return {
        metrics: [
          countMetric(METRICS.schoolRequested, yearTotals(byStage, 0)),
          countMetric(METRICS.schoolPlaced, yearTotals(byStage, 1)),
        ],
        breakdowns: [
          catalogBreakdown(BREAKDOWNS.schoolStageRequested, byStage.measure(0), byStage.rows, SCHOOL_STAGES),
          catalogBreakdown(BREAKDOWNS.schoolStagePlaced, byStage.measure(1), byStage.rows, SCHOOL_STAGES),
        ],
        years: [...byStage.byYear.keys()],
      };
    },
  };
}

/** FNV-1a, base 36: a short stable id part. */
function hashId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

function honorsHandler(log: IssueLog): DatasetHandler {
  const list: HonorEntry[] = [];
  const counts = new Map<number, number>();
  const ids = new Set<string>();
  let over = 0;
  let firstOver = 0;
  return {
    add(row, line) {
      if (list.length >= HONORS_LIMIT) {
        if (over++ === 0) firstOver = line;
        return false;
      }
      const year = row[H.year] as number;
      const title = row[H.title] as string;
      const recipient = row[H.recipient] as string;
      const conferredBy = row[H.conferred_by] as string;
      let id = `h${year}-${hashId(`${title}\u0001${recipient}\u0001${conferredBy}`)}`;
      for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
      ids.add(id);
      list.push({
        id,
        year,
        title,
        conferred_by: conferredBy,
        recipient,
        level: row[H.level] as HonorEntry['level'],
        note: (row[H.note] as string | null) ?? null,
      });
      counts.set(year, (counts.get(year) ?? 0) + 1);
      return true;
    },
    finish() {
      if (over > 0) log.plain('error', 'honors_limit', firstOver, 1, { limit: HONORS_LIMIT.toLocaleString('en-US'), n: over.toLocaleString('en-US') });
      const honors = list.slice().sort((a, b) => b.year - a.year);
      return { metrics: [countMetric(METRICS.honorsCount, counts)], breakdowns: [], years: [...counts.keys()], honors };
    },
  };
}

function isPercentUnit(u: string): boolean {
  return u === '%' || u === '％';
}

function indicatorsHandler(plan: HeaderPlan, log: IssueLog): DatasetHandler {
  const unitCol = binding(plan, 'unit');
  const valueCol = binding(plan, 'value');
  interface Ind {
    section: string | null;
    /** Unit and line of the indicator's first row in file order (valid or not). */
    unit: string | null;
    line: number;
    values: Map<number, Decimal>;
    /** Line of the first row per year, valid or not: a second row that year is the error. */
    lines: Map<number, number>;
  }
  const inds = new Map<string, Ind>();
  const sameUnit = (a: string, b: string) => a === b || (isPercentUnit(a) && isPercentUnit(b));
  function entry(name: string, row: Row, line: number): Ind {
    let ind = inds.get(name);
    if (!ind) inds.set(name, (ind = { section: null, unit: null, line, values: new Map(), lines: new Map() }));
    if (ind.unit === null && row[I.unit] !== null) {
      ind.unit = row[I.unit] as string;
      ind.line = line;
    }
    return ind;
  }
  /** A value written with % needs the unit %: checked on every row whose value and unit were read, valid or not. */
  function percentUnitOk(row: Row, line: number, fields: string[]): boolean {
    const unit = row[I.unit] as string | null;
    if (row.percent !== true || unit === null || isPercentUnit(unit)) return true;
    log.value('percent_unit', fieldLine(fields, line, unitCol.index), unitCol.index + 1, unitCol.header, 'unit', {
      number: fields[valueCol.index]!.trim(),
      value: unit,
    });
    return false;
  }
  return {
    observe(row, line, fields) {
      percentUnitOk(row, line, fields);
      const name = row[I.indicator] as string | null;
      if (name === null) return;
      const ind = entry(name, row, line);
      const year = row[I.year] as number | null;
      if (year !== null && !ind.lines.has(year)) ind.lines.set(year, line);
    },
    add(row, line, fields) {
      const name = row[I.indicator] as string;
      const year = row[I.year] as number;
      const unit = row[I.unit] as string;
      const unitLine = fieldLine(fields, line, unitCol.index);
      const ind = entry(name, row, line);
      let ok = percentUnitOk(row, line, fields);
      if (ind.unit !== null && ind.line !== line && !sameUnit(ind.unit, unit)) {
        log.value('unit_mismatch', unitLine, unitCol.index + 1, unitCol.header, 'unit', { indicator: name, line: ind.line, expected: ind.unit, value: unit });
        ok = false;
      }
      const first = ind.lines.get(year);
      if (first !== undefined) {
        log.plain('error', 'duplicate_indicator', line, 1, { indicator: name, year, line: first });
        ok = false;
      } else {
        ind.lines.set(year, line);
      }
      if (!ok) return false;
      ind.section ??= row[I.section] as string;
      ind.values.set(year, row[I.value] as Decimal);
      return true;
    },
    finish() {
      const metrics: [string, MetricSeries][] = [];
      const indicators: IndicatorEntry[] = [];
      const years = new Set<number>();
      for (const [name, ind] of inds) {
        if (ind.values.size === 0) continue;
        const unit = isPercentUnit(ind.unit!) ? '%' : ind.unit!;
        const metric = indicatorMetricId(name);
        metrics.push([metric, metricFromDecimals(name, unit, ind.values)]);
        indicators.push({ metric, section: ind.section!, indicator: name, unit });
        for (const y of ind.values.keys()) years.add(y);
      }
      return { metrics, breakdowns: [], years: [...years], indicators };
    },
  };
}

/** The handler for a dataset, bound to its matched header and issue log. */
export function createHandler(id: DatasetId, plan: HeaderPlan, log: IssueLog): DatasetHandler {
  switch (id) {
    case 'funding':
      return fundingHandler(plan, log);
    case 'militia_cases':
      return militiaHandler(plan, log);
    case 'training_sessions':
      return trainingHandler(plan, log);
    case 'school_placements':
      return schoolHandler(plan, log);
    case 'honors':
      return honorsHandler(log);
    case 'indicators':
      return indicatorsHandler(plan, log);
  }
}
