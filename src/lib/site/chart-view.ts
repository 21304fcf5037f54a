/**
 * What a figure shows around its canvas, from its ChartSpec: one panel per unit (so cases 起 and persons 人 never
 * share an axis), each with its unit line and legend, and the file name of the 下载图片 PNG.
 */
import type { ChartSeries, ChartSpec } from './tables/types.ts';

/** One legend entry: the series name and its palette slot. */
export interface LegendItem {
  name: string;
  slot: number;
}

/** One chart of a figure: the spec it draws, and what is written around it. */
export interface ChartPanel {
  /** The series of this panel only; `axisTitle` is the panel's one unit. */
  spec: ChartSpec;
  /** Above a panel when a figure has several: the measure it shows ("查处案件"); null for a figure's only panel. */
  heading: string | null;
  /** "单位：起"; empty when the values have no unit. */
  unitLine: string;
  /** Legend entries when the panel has several series (bars coloured per category name them on the axis instead). */
  legend: LegendItem[];
}

/** The unit a series is measured in: its own, else the chart's. */
export function seriesUnit(series: ChartSeries, spec: ChartSpec): string {
  return series.unit ?? spec.axisTitle;
}

/** A figure's panels: one per distinct unit among its series, in series order; a spec without series gives one panel. */
export function chartPanels(spec: ChartSpec): ChartPanel[] {
  const units: string[] = [];
  for (const s of spec.series) {
    const u = seriesUnit(s, spec);
    if (!units.includes(u)) units.push(u);
  }
  if (units.length <= 1) return [panel({ ...spec, axisTitle: units[0] ?? spec.axisTitle }, null)];
  return units.map((u) => {
    const series = spec.series.filter((s) => seriesUnit(s, spec) === u);
    return panel({ ...spec, series, axisTitle: u }, series.map((s) => s.name).join('、'));
  });
}

function panel(spec: ChartSpec, heading: string | null): ChartPanel {
  const legend = spec.series.length > 1 ? spec.series.map((s) => ({ name: s.name, slot: s.color })) : [];
  return { spec, heading, unitLine: spec.axisTitle ? `单位：${spec.axisTitle}` : '', legend };
}

/** Characters Windows forbids in file names, and white space. */
const UNSAFE = /[\\/:*?"<>|\s]+/g;

/**
 * The PNG's file name: the chart's title, which names its year ("2025年经费投入各类别金额及占比.png"); a title
 * without a year gets the years its bars cover ("历年经费投入（2018—2025年）.png", one year: "（2025年）").
 */
export function chartImageName(title: string, labels: readonly string[]): string {
  const clean = title.replace(UNSAFE, '');
  if (/\d{4}年/.test(clean)) return `${clean}.png`;
  const years = labels.map((l) => /^(\d{4})年$/.exec(l)?.[1]).filter((y): y is string => y !== undefined);
  if (years.length === 0) return `${clean}.png`;
  const first = years[0] as string;
  const last = years[years.length - 1] as string;
  return `${clean}（${first === last ? first : `${first}—${last}`}年）.png`;
}
