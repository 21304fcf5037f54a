/**
 * Draws every chart on the page from its JSON data block, after the page is usable (when the box scrolls into
 * view, in idle time). Colours come from the CSS tokens, so dark mode and 适老化 apply; charts redraw when they change.
 */
import { Chart } from './chart-setup.ts';
import type { ChartSpec } from '../lib/site/tables/index.ts';
import type { ChartConfiguration, ChartDataset } from 'chart.js';

const charts = new Map<HTMLElement, Chart>();
const PRINT_WIDTH = 680;
const PRINT_HEIGHT = 240;
const nf = new Map<number, Intl.NumberFormat>();
function fmt(value: number, frac: number): string {
  let f = nf.get(frac);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: frac });
    nf.set(frac, f);
  }
  return f.format(value);
}

function token(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function slotColor(slot: number): string {
  return token(slot >= 1 && slot <= 6 ? `--chart-${slot}` : '--chart-other') || '#666';
}

function readSpec(box: HTMLElement): ChartSpec | null {
  const block = box.querySelector('script[data-chart-data]');
  if (!block?.textContent) return null;
  try {
    return JSON.parse(block.textContent) as ChartSpec;
  } catch {
    return null;
  }
}

function config(spec: ChartSpec): ChartConfiguration {
  const text = token('--chart-text');
  const axis = token('--chart-axis');
  const grid = token('--chart-grid');
  const font = { family: getComputedStyle(document.body).fontFamily, size: Math.round(parseFloat(getComputedStyle(document.body).fontSize) * 0.8) };
  const horizontal = spec.horizontal === true;
  const datasets = spec.series.map((s) => {
    const color = slotColor(s.color);
    const colors = s.pointColors ? s.pointColors.map(slotColor) : color;
    const base = { label: s.name, data: s.values, backgroundColor: colors, borderColor: colors };
    return spec.type === 'line'
      ? ({ ...base, borderWidth: 2, pointRadius: 3, pointHoverRadius: 5, tension: 0, spanGaps: false } as ChartDataset<'line'>)
      : ({ ...base, borderWidth: 0, maxBarThickness: 48 } as ChartDataset<'bar'>);
  });
  const valueAxis = {
    // Bars always start at zero; only a line of rates may start higher, at the min its note names.
    beginAtZero: spec.type === 'bar' || spec.min === undefined,
    min: spec.type === 'line' ? spec.min : undefined,
    stacked: spec.stacked === true,
    max: spec.max,
    title: { display: spec.axisTitle !== '', text: spec.axisTitle, color: axis, font },
    grid: { color: grid },
    border: { display: false },
    ticks: { color: axis, font, callback: (v: string | number) => fmt(Number(v), spec.frac) },
  };
  const categoryAxis = {
    stacked: spec.stacked === true,
    grid: { display: false },
    ticks: { color: axis, font, autoSkip: !horizontal },
  };
  return {
    type: spec.type,
    data: { labels: spec.labels, datasets: datasets as ChartDataset[] },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: {
          display: spec.series.length > 1,
          position: 'top',
          align: 'start',
          labels: { color: text, font, boxWidth: 14, boxHeight: 14 },
        },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const v = ctx.parsed[horizontal ? 'x' : 'y'];
              const unit = spec.axisTitle.includes('、') ? '' : spec.axisTitle;
              const value = v === null || v === undefined ? '—' : `${fmt(v, spec.frac)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
              return spec.series.length > 1 ? `${ctx.dataset.label ?? ''}：${value}` : value;
            },
          },
        },
      },
    },
  } as ChartConfiguration;
}

function draw(box: HTMLElement): void {
  const spec = readSpec(box);
  const canvas = box.querySelector('canvas');
  if (!spec || !canvas) return;
  charts.get(box)?.destroy();
  charts.set(box, new Chart(canvas, config(spec)));
}

function redrawAll(): void {
  for (const box of charts.keys()) draw(box);
}

const idle = (fn: () => void): void => {
  if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 1);
};

function start(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>('[data-chart]')].filter((b) => !charts.has(b));
  if ('IntersectionObserver' in window) {
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          io.unobserve(e.target);
          idle(() => draw(e.target as HTMLElement));
        }
      },
      { rootMargin: '200px' },
    );
    boxes.forEach((b) => io.observe(b));
  } else {
    idle(() => boxes.forEach(draw));
  }
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redrawAll);
  window.addEventListener('elder-mode-change', () => requestAnimationFrame(redrawAll));
  // Print: draw any chart not yet scrolled into view, at the printed page width (A4 less 15 mm margins ≈ 680 px)
  // and a fixed height, so the canvas scales cleanly; restore the screen size afterwards.
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll<HTMLElement>('[data-chart]').forEach((b) => {
      if (!charts.has(b)) draw(b);
      const tall = b.classList.contains('chart-box--xtall') ? 1.6 : b.classList.contains('chart-box--tall') ? 1.3 : 1;
      charts.get(b)?.resize(PRINT_WIDTH, Math.round(PRINT_HEIGHT * tall));
    });
  });
  window.addEventListener('afterprint', () => charts.forEach((c) => c.resize()));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
