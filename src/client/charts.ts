/**
 * Draws every chart on the page from its JSON data block, after the page is usable (when the box scrolls into
 * view, in idle time). Series colours come from the palette module, neutrals from the CSS tokens, so dark mode and
 * 适老化 apply; charts redraw when they change, and in the light palette for print. Shows each figure's 下载图片
 * button once its chart is drawn.
 */
import { Chart } from './chart-setup.ts';
import type { ChartSpec } from '../lib/site/tables/types.ts';
import { LIGHT_INK, slotColor, type Theme } from '../lib/shared/palette.ts';
import { chartConfig, type Look } from './chart-config.ts';
import { exportFigure } from './chart-export.ts';
import type { Plugin } from 'chart.js';

const charts = new Map<HTMLElement, Chart>();
const PRINT_WIDTH = 680;
const PRINT_HEIGHT = 240;
let printing = false;

function token(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function screenTheme(): Theme {
  return !printing && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The look of the charts on screen (or in print: always light); `light` forces the print/PNG look. */
function look(light = printing): Look {
  const body = getComputedStyle(document.body);
  const base = { family: body.fontFamily, size: Math.round(parseFloat(body.fontSize) * 0.8) };
  if (light) return { theme: 'light', ...LIGHT_INK, surface: '#ffffff', ...base };
  return { theme: screenTheme(), text: token('--chart-text'), axis: token('--chart-axis'), grid: token('--chart-grid'), surface: token('--color-bg'), ...base };
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

/** Legend swatches take their series colour here: CSP forbids style attributes in the HTML, not CSSOM. */
function paintLegends(): void {
  const theme = printing ? 'light' : screenTheme();
  for (const swatch of document.querySelectorAll<HTMLElement>('[data-legend-slot]')) {
    swatch.style.backgroundColor = slotColor(Number(swatch.dataset.legendSlot), theme);
  }
}

function draw(box: HTMLElement): void {
  const spec = readSpec(box);
  const canvas = box.querySelector('canvas');
  if (!spec || !canvas) return;
  charts.get(box)?.destroy();
  const config = chartConfig(spec, look());
  // What the axes show, for the browser tests: the category ticks drawn and the largest tick rotation (always 0).
  const probe: Plugin = {
    id: 'probe',
    afterUpdate(chart) {
      const scales = Object.values(chart.scales);
      box.dataset.tickRotation = String(Math.max(0, ...scales.map((s) => s.labelRotation)));
      const category = scales.find((s) => s.type === 'category');
      box.dataset.ticks = JSON.stringify(category?.ticks.map((t) => t.label) ?? []);
    },
  };
  config.plugins = [...(config.plugins ?? []), probe];
  charts.set(box, new Chart(canvas, config));
  const button = box.closest('figure')?.querySelector<HTMLButtonElement>('[data-chart-export]');
  if (button) button.hidden = false;
}

function redrawAll(): void {
  paintLegends();
  for (const box of charts.keys()) draw(box);
}

const idle = (fn: () => void): void => {
  if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 1);
};

function wireExport(button: HTMLButtonElement): void {
  button.addEventListener('click', () => {
    const figure = button.closest('figure');
    if (!figure || button.disabled) return;
    button.disabled = true;
    exportFigure(figure, button.dataset.exportName ?? 'chart.png', look(true))
      .catch(() => undefined)
      .finally(() => {
        button.disabled = false;
      });
  });
}

function start(): void {
  paintLegends();
  document.querySelectorAll<HTMLButtonElement>('[data-chart-export]').forEach(wireExport);
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
  // Print: every chart, in the light palette, at the printed page width (A4 less 15 mm margins ≈ 680 px, shared by
  // a figure's panels) and a fixed height, so the canvas scales cleanly; the screen look returns afterwards.
  window.addEventListener('beforeprint', () => {
    printing = true;
    paintLegends();
    document.querySelectorAll<HTMLElement>('[data-chart]').forEach((b) => {
      draw(b);
      const tall = b.classList.contains('chart-box--xtall') ? 1.6 : b.classList.contains('chart-box--tall') ? 1.3 : 1;
      const panels = b.closest('.chart-panels')?.querySelectorAll('[data-chart]').length ?? 1;
      charts.get(b)?.resize(Math.floor(PRINT_WIDTH / panels) - (panels > 1 ? 12 : 0), Math.round(PRINT_HEIGHT * tall));
    });
  });
  window.addEventListener('afterprint', () => {
    printing = false;
    redrawAll();
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
