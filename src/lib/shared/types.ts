/** Shapes of the JSON the data step writes and the pages read (data contract §3, plus our own details file). */

export type DatasetId =
  | 'funding'
  | 'militia_cases'
  | 'training_sessions'
  | 'school_placements'
  | 'honors'
  | 'indicators';

/** One metric of summary.json: values per year and the year-over-year change (a ratio, unrounded). */
export interface MetricSeries {
  label: string;
  unit: string;
  byYear: Record<string, number>;
  yoy: Record<string, number | null>;
}

export interface HonorStreak {
  title: string;
  years: number;
  through: number | null;
}

/** summary.json, exactly as the data contract §3 specifies. */
export interface Summary {
  schemaVersion: 1;
  generatedAt: string;
  years: number[];
  latestYear: number | null;
  metrics: Record<string, MetricSeries>;
  honors: { streak: HonorStreak };
}

/** A breakdown of one measure by a category key, per year (e.g. cases by 街道). */
export interface Breakdown {
  label: string;
  unit: string;
  /** Display order of keys: canonical order where one exists (学段, months), otherwise by total, largest first. */
  keys: string[];
  /** year → key → value; a key absent in a year had no rows. */
  byYear: Record<string, Record<string, number>>;
  /** key → number of rows with that key over all years (a name on one row only may be a typo). */
  rowCount: Record<string, number>;
}

/** One public honor (no internal columns exist in honors.csv; note is public). */
export interface HonorEntry {
  /** Stable anchor id, derived from year + title + recipient, so permanent links survive reordering. */
  id: string;
  year: number;
  title: string;
  conferred_by: string;
  recipient: string;
  level: '国家级' | '省级' | '市级' | '区级';
  note: string | null;
}

export interface IndicatorEntry {
  /** The metric id in summary.json: `indicator:<指标>`. */
  metric: string;
  section: string;
  indicator: string;
  unit: string;
}

export interface FileReport {
  dataset: DatasetId;
  /** Path as given on the command line, e.g. `data/funding.csv`. */
  file: string;
  present: boolean;
  encoding: 'utf-8' | 'gb18030' | null;
  /** Data rows read (blank lines excluded). */
  rows: number;
  /** Rows that went into the output (rows minus rows named in an error). */
  counted: number;
  /** Rows named in at least one error. */
  rejected: number;
}

/** details.json: the breakdowns pages need beyond summary.json. Our own format, versioned with the contract. */
export interface Details {
  schemaVersion: 1;
  generatedAt: string;
  files: FileReport[];
  breakdowns: Record<string, Breakdown>;
  honors: HonorEntry[];
  indicators: IndicatorEntry[];
}
