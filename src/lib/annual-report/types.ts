/** Shapes of the generated annual report (年度工作报告) as the data step writes it to reports.json and the pages read it. */

/** Plain template text, shown as it is (always escaped, never injected as HTML). */
export interface TextRun {
  kind: 'text';
  text: string;
}

/** One figure from the data: the page links it to its source page and marks it as data-driven. */
export interface FigureRun {
  kind: 'figure';
  /** What the reader sees: "576.2 万元", "增长 12.4%", "—（无数据）". */
  text: string;
  /** The summary.json metric id (`funding.total`, `indicator:走访调研驻军次数`), or `streak`, `streak.title`, `streak.through`. */
  metric: string;
  /** The data year the figure is for (the last year of a sum). */
  year: number;
  /** First year of a sum; absent for a single year. */
  fromYear?: number;
  /** Source page relative to the site base, e.g. `funding/`; the page prefixes `import.meta.env.BASE_URL`. */
  href: string;
  /** Names the metric, year and form for title/aria text: "经费投入（funding.total），2024年". */
  description: string;
  /** The machine value (for `<data value>` and tests); null when shown as missing or for words and titles. */
  value: number | null;
  /** True when the figure has no data and shows 「—（无数据）」. */
  missing: boolean;
}

export type ReportRun = TextRun | FigureRun;

export interface HeadingBlock {
  kind: 'heading';
  /** Markdown level: 1–3 (`#`, `##`, `###`); the report title itself is not a block. */
  level: 1 | 2 | 3;
  runs: ReportRun[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: ReportRun[];
}

export interface ListBlock {
  kind: 'list';
  items: ReportRun[][];
}

export type ReportBlock = HeadingBlock | ParagraphBlock | ListBlock;

/** One year's report. */
export interface RenderedReport {
  year: number;
  /** The template's first `#` heading rendered for the year, or "<year>年度党管武装工作述职报告". */
  title: string;
  blocks: ReportBlock[];
  /** Plain text (LF line ends, no BOM): title, blank line, one line per heading/paragraph/list item. */
  text: string;
}

/** reports.json as the data step writes it. */
export interface ReportsFile {
  schemaVersion: 1;
  generatedAt: string;
  /** The template the reports came from, e.g. `data/report-template.md`. */
  template: string;
  reports: RenderedReport[];
}
