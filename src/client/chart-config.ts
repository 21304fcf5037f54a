/**
 * A Chart.js configuration from a ChartSpec and a look (theme colours and font), shared by the charts on the page
 * and the PNG export. Chinese typography: no rotated text (ticks stay upright and are shortened or thinned to fit),
 * the unit is written above the chart in HTML rather than as an axis title, values are written on the bars that
 * have room (the latest always), and a category without records is a gap, never a zero.
 */
import type { ChartConfiguration, ChartDataset, ChartEvent, Chart, Plugin, Scale } from 'chart.js';
import type { ChartSeries, ChartSpec } from '../lib/site/tables/types.ts';
import { formatNumber } from '../lib/shared/format.ts';
import { slotColor, type Theme } from '../lib/shared/palette.ts';
import { chooseTicks, placeLabels, wrapLabel, type LabelBox, type TickChoice } from './chart-labels.ts';

export interface Look {
  theme: Theme;
  /** Legend and value text. */
  text: string;
  /** Tick text. */
  axis: string;
  grid: string;
  /** Behind the hover readout. */
  surface: string;
  family: string;
  /** Tick and label font size, px. */
  size: number;
}

/** Space kept between two tick labels, px. */
const TICK_GAP = 4;

/** A value as the table writes it: the site's one number formatter (thousands separators, `frac` decimals, always `frac` when `fixed`). */
export function numberText(value: number, frac: number, fixed = false): string {
  return formatNumber(value, { decimals: frac, fixed });
}

let measurer: CanvasRenderingContext2D | null = null;
/** Width of a text in a font, px. */
export function measureText(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 12;
  measurer.font = font;
  return measurer.measureText(text).width;
}

export function fontOf(look: Look, weight = ''): string {
  return `${weight ? `${weight} ` : ''}${look.size}px ${look.family}`;
}

/** The text written on a bar: the value, and its share where the title promises shares ("235.40（17.5%）"). */
export function valueText(spec: ChartSpec, series: ChartSeries, i: number): string | null {
  const v = series.values[i];
  if (v === null || v === undefined) return null;
  const share = series.shares?.[i];
  const text = numberText(v, spec.frac, spec.fixed);
  return share === null || share === undefined ? text : `${text}（${numberText(share, 1, true)}%）`;
}

function lastIndex(values: readonly (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null && values[i] !== undefined) return i;
  return -1;
}

/** The index of the latest category with a value in any series; -1 when all are empty. */
function latest(spec: ChartSpec): number {
  return Math.max(-1, ...spec.series.map((s) => lastIndex(s.values)));
}

interface Geometry {
  x: number;
  y: number;
  width: number;
  height: number;
}

function geometry(chart: Chart, dataset: number, index: number): Geometry | null {
  const el = chart.getDatasetMeta(dataset).data[index];
  if (!el) return null;
  const p = el.getProps(['x', 'y', 'width', 'height'], true) as unknown as Geometry;
  return Number.isFinite(p.x) && Number.isFinite(p.y) ? p : null;
}

/** Value labels above vertical bars, after horizontal bars, and at the last point of a single line. */
function drawValueLabels(chart: Chart, spec: ChartSpec, look: Look): void {
  const ctx = chart.ctx;
  const area = chart.chartArea;
  const n = spec.labels.length;
  if (n === 0) return;
  const lineHeight = Math.round(look.size * 1.25);
  ctx.save();
  ctx.font = fontOf(look);
  ctx.fillStyle = look.text;
  const clampX = (x: number, w: number): number => Math.min(Math.max(x, w / 2 + 1), chart.width - w / 2 - 1);

  if (spec.type === 'line') {
    // A single line is labelled where the sentence points (the peak month), else at its latest year.
    const s = spec.series[0];
    const i = spec.highlight ?? (s && /年$/.test(spec.labels[n - 1] ?? '') ? lastIndex(s.values) : -1);
    const g = i >= 0 ? geometry(chart, 0, i) : null;
    const text = s && i >= 0 ? valueText(spec, s, i) : null;
    if (spec.series.length === 1 && s && g && text) {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText(text, clampX(g.x, ctx.measureText(text).width), g.y - 6);
    }
  } else if (spec.horizontal) {
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    spec.series.forEach((s, d) => {
      for (let i = 0; i < n; i++) {
        const text = valueText(spec, s, i);
        const g = text ? geometry(chart, d, i) : null;
        if (!text || !g) continue;
        if (spec.series.length > 1 && g.height < look.size * 0.9) continue;
        ctx.fillText(text, g.x + 4, g.y);
      }
    });
  } else {
    const boxes: (LabelBox & { text: string })[] = [];
    const last = latest(spec);
    // Room of a label: its category's width, or for grouped bars the distance between two bars' centres (Chart.js
    // gives the group 80% of the category), so a group is labelled whole or not at all (the latest always).
    const grouped = !spec.stacked && spec.series.length > 1;
    const room = grouped ? ((area.width / n) * 0.8) / spec.series.length : area.width / n - 2;
    if (spec.stacked) {
      for (let i = 0; i < n; i++) {
        const parts = spec.series.map((s) => s.values[i]).filter((v): v is number => v !== null && v !== undefined);
        if (parts.length === 0) continue;
        const top = spec.series.map((_, d) => geometry(chart, d, i)).filter((g): g is Geometry => g !== null);
        if (top.length === 0) continue;
        const total = parts.reduce((a, b) => a + b, 0);
        const text = numberText(total, spec.frac, spec.fixed);
        const w = ctx.measureText(text).width;
        boxes.push({ text, x: clampX(top[0]!.x, w), y: Math.min(...top.map((g) => g.y)) - 2, w, h: lineHeight, must: i === last, room });
      }
    } else {
      for (let i = 0; i < n; i++) {
        const group: (LabelBox & { text: string })[] = [];
        spec.series.forEach((s, d) => {
          const text = valueText(spec, s, i);
          const g = text ? geometry(chart, d, i) : null;
          if (!text || !g) return;
          const w = ctx.measureText(text).width;
          group.push({ text, x: clampX(g.x, w), y: g.y - 2, w, h: lineHeight, must: i === last, room });
        });
        if (i === last || group.every((b) => b.w <= b.room)) boxes.push(...group);
      }
    }
    // The latest first (it must show), then from the right, so the recent years win a crowded axis.
    boxes.sort((a, b) => Number(b.must) - Number(a.must) || b.x - a.x);
    const at = placeLabels(boxes, 0);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    boxes.forEach((b, k) => {
      const bottom = at[k];
      if (bottom !== null && bottom !== undefined) ctx.fillText(b.text, b.x, bottom);
    });
  }
  ctx.restore();
}

/**
 * The exact values of the category under the pointer, in a box over the chart: a few lines instead of Chart.js's
 * Tooltip plugin (5 KB gzip), which the page's JS budget cannot carry next to the PNG export. The table below the
 * chart stays the full, keyboard-readable source of every value.
 */
function hoverPlugin(spec: ChartSpec, look: Look): Plugin {
  let index: number | null = null;
  const unit = spec.axisTitle === '%' ? '%' : spec.axisTitle ? ` ${spec.axisTitle}` : '';
  return {
    id: 'hoverValues',
    afterEvent(chart, args: { event: ChartEvent; changed?: boolean }) {
      const e = args.event;
      const hit = e.type === 'mouseout' ? [] : chart.getElementsAtEventForMode(e as unknown as Event, 'index', { intersect: false }, false);
      const next = hit[0]?.index ?? null;
      if (next !== index) {
        index = next;
        args.changed = true;
      }
    },
    afterDraw(chart) {
      if (index === null) return;
      const i = index;
      const lines = [
        spec.labels[i] ?? '',
        ...spec.series.map((s) => {
          const v = s.values[i];
          const value = v === null || v === undefined ? '无记录' : `${numberText(v, spec.frac, spec.fixed)}${unit}`;
          return spec.series.length > 1 ? `${s.name}：${value}` : value;
        }),
      ];
      if (spec.stacked) {
        const parts = spec.series.map((s) => s.values[i]).filter((v): v is number => v !== null && v !== undefined);
        if (parts.length) lines.push(`合计：${numberText(parts.reduce((a, b) => a + b, 0), spec.frac, spec.fixed)}${unit}`);
      }
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = fontOf(look);
      const lh = Math.round(look.size * 1.4);
      const w = Math.max(...lines.map((l) => ctx.measureText(l).width)) + 16;
      const h = lines.length * lh + 10;
      const g = geometry(chart, 0, i);
      const area = chart.chartArea;
      const anchor = g ? (spec.horizontal ? g.y : g.x) : area.left;
      const x = spec.horizontal ? area.right - w : Math.min(Math.max(anchor + 12, area.left), area.right - w);
      const y = spec.horizontal ? Math.min(Math.max(anchor - h / 2, area.top), area.bottom - h) : area.top;
      ctx.fillStyle = look.surface;
      ctx.strokeStyle = look.axis;
      ctx.fillRect(x, y, w, h);
      ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
      ctx.fillStyle = look.text;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      lines.forEach((l, k) => ctx.fillText(l, x + 8, y + 5 + k * lh + (lh - look.size) / 2));
      ctx.restore();
    },
  };
}

/** Room around the plot for the value labels: above vertical bars (two lines when grouped), right of horizontal bars. */
function labelPadding(spec: ChartSpec, look: Look): { top: number; right: number } {
  const lineHeight = Math.round(look.size * 1.25);
  if (spec.type === 'line') return { top: spec.series.length === 1 ? lineHeight + 6 : 4, right: 8 };
  if (spec.horizontal) {
    let widest = 0;
    for (const s of spec.series) for (let i = 0; i < spec.labels.length; i++) widest = Math.max(widest, measureText(valueText(spec, s, i) ?? '', fontOf(look)));
    return { top: 4, right: Math.ceil(widest) + 8 };
  }
  return { top: lineHeight * (spec.stacked || spec.series.length === 1 ? 1 : 2) + 4, right: 8 };
}

/** The Chart.js configuration of a spec in a look. */
export function chartConfig(spec: ChartSpec, look: Look): ChartConfiguration {
  const font = { family: look.family, size: look.size };
  const horizontal = spec.horizontal === true;
  const datasets = spec.series.map((s) => {
    const color = slotColor(s.color, look.theme);
    const colors = s.pointColors ? s.pointColors.map((c) => slotColor(c, look.theme)) : color;
    const base = { label: s.name, data: s.values, backgroundColor: colors, borderColor: colors };
    return spec.type === 'line'
      ? ({ ...base, borderWidth: 2, pointRadius: 3, pointHoverRadius: 5, tension: 0, spanGaps: false } as ChartDataset<'line'>)
      : ({ ...base, borderWidth: 0, maxBarThickness: 48 } as ChartDataset<'bar'>);
  });
  const upright = { maxRotation: 0, minRotation: 0 };
  const valueAxis = {
    // Bars always start at zero; only a line of rates may start higher, at the min its note names.
    beginAtZero: spec.type === 'bar' || spec.min === undefined,
    min: spec.type === 'line' ? spec.min : undefined,
    stacked: spec.stacked === true,
    max: spec.max,
    title: { display: false },
    grid: { color: look.grid },
    border: { display: false },
    ticks: { ...upright, color: look.axis, font, callback: (v: string | number) => numberText(Number(v), spec.frac) },
  };
  let cache: { width: number; choice: TickChoice } | null = null;
  const categoryAxis = {
    stacked: spec.stacked === true,
    grid: { display: false },
    ticks: {
      ...upright,
      color: look.axis,
      font,
      // Every category keeps its label when there is room; otherwise chooseTicks shortens or thins them itself.
      autoSkip: false,
      ...(horizontal
        ? {
            // Long category names (北苑街道办事处) wrap onto two lines rather than squeezing the bars on a phone.
            callback(this: Scale, _value: string | number, index: number): string | string[] {
              const f = fontOf(look);
              return wrapLabel(spec.labels[index] ?? '', (t) => measureText(t, f), this.chart.width * 0.28);
            },
          }
        : {
            callback(this: Scale, _value: string | number, index: number): string {
              if (cache?.width !== this.width) {
                const f = fontOf(look);
                cache = { width: this.width, choice: chooseTicks(spec.labels, (t) => measureText(t, f), this.width, TICK_GAP, spec.highlight) };
              }
              return cache.choice.labels[index] ?? '';
            },
            // Resolved after the callback has chosen the labels: a slightly smaller font before any label is dropped.
            font: () => ({ ...font, size: Math.round(look.size * (cache?.choice.scale ?? 1) * 10) / 10 }),
          }),
    },
  };
  const padding = labelPadding(spec, look);
  const labels: Plugin = { id: 'valueLabels', afterDatasetsDraw: (chart) => drawValueLabels(chart, spec, look) };
  return {
    type: spec.type,
    data: { labels: spec.labels, datasets: datasets as ChartDataset[] },
    plugins: [labels, hoverPlugin(spec, look)],
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: padding.top, right: padding.right, left: 2, bottom: 2 } },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
  } as ChartConfiguration;
}
