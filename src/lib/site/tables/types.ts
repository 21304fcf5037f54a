/** The shapes of the registered tables: cells, columns, the chart spec and the table spec shared by pages, charts and CSV downloads. */
/** One table cell: a number we computed, a text, or null (shown as "—", empty in CSV). */
export type Cell = string | number | null;

/**
 * How a column's cells are shown: `number` plain; `percent` a number already ×100 ("96.5%");
 * `change` a yoy already ×100 and rounded, or the text 无上年数据/上年为零 ("增长 12.4%");
 * `points` a difference of rates in 百分点, or a text ("提高 1.2 个百分点").
 */
export type ColumnKind = 'text' | 'number' | 'percent' | 'change' | 'points';

export interface TableColumn {
  /** Header text, with the unit where it differs from the table's (e.g. 占比（%）). */
  label: string;
  kind: ColumnKind;
  /** Decimals shown for numbers (default 0). */
  frac?: number;
  /** Always show `frac` decimals (万元 columns: 270.30 aligns with 298.36). */
  fixed?: boolean;
}

export interface ChartSeries {
  name: string;
  /** Palette slot (src/lib/shared/palette.ts): 1–8 a hue, 0 the neutral grey of 其他/未分类/其余类别. */
  color: number;
  /** null = no record (a gap in a line, no bar), never drawn as zero. */
  values: (number | null)[];
  /** Per-bar palette slots, when each bar is a category with its own colour. */
  pointColors?: number[];
  /** The series' unit when it differs from the chart's `axisTitle`: the figure then draws one chart per unit. */
  unit?: string;
  /** Each value's share of the whole in % (×100, rounded as in the table), written beside the value on the bar. */
  shares?: (number | null)[];
}

export interface ChartSpec {
  type: 'bar' | 'line';
  /** Horizontal bars (for a sorted ranking). */
  horizontal?: boolean;
  stacked?: boolean;
  labels: string[];
  series: ChartSeries[];
  /** The unit of the value axis, written above it as 单位：… (never as a rotated axis title). */
  axisTitle: string;
  /** Decimals of values in labels and tooltips. */
  frac: number;
  /** Always show `frac` decimals, as the table does (万元: 270.30). */
  fixed?: boolean;
  /** Index of the category the sentence names (e.g. the peak month): its tick is always labelled. */
  highlight?: number;
  /** Upper bound of the value axis, e.g. 100 for a percentage. */
  max?: number;
  /** Lower bound of the value axis when a line of rates does not start at zero (the note then says so). */
  min?: number;
  /** A note when the chart shows less than the table (e.g. folded categories). */
  note?: string;
}

export interface TableSpec {
  /** Stable id: the CSV file name (`downloads/<id>.csv`) and the figure's anchor. */
  id: string;
  title: string;
  /** Unit line text without the prefix (单位：…). */
  unit: string;
  /** Publisher, without the prefix (数据来源：…). */
  source: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** The 合计 row, shown in <tfoot> and written last in the CSV. */
  total?: Cell[];
  footnote?: string;
  /** The generated sentence (summary, text alternative, print caption). */
  sentence: string;
  chart?: ChartSpec;
}

export interface TableContext {
  /** Publisher for the source line (config.source). */
  source: string;
}
