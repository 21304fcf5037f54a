/**
 * 下载图片: one figure as a PNG for a slide or a Word brief. White background, at
 * twice the on-screen size: the title on top, then per chart its heading, unit line and legend, the chart redrawn
 * in the light palette at 2× density, and at the bottom the chart's note and the source line. Saved through an
 * <a download> of a blob: URL, which the site's Content-Security-Policy allows (no inline script, no eval).
 * Part of the chart chunk rather than a dynamic import: the chart page stays within its 60 KB gzip budget without
 * it (Chart.js's Legend and Tooltip plugins are gone), and a dynamic import would put Vite's module-preload helper
 * in a shared file that the honours page, which must load no JS but its search, would then load too.
 */
import { Chart } from './chart-setup.ts';
import type { ChartSpec } from '../lib/site/tables/types.ts';
import { slotColor } from '../lib/shared/palette.ts';
import { chartConfig, fontOf, type Look } from './chart-config.ts';

/** Image pixels per CSS pixel. */
const SCALE = 2;
/** Inset of the text from the image's edges, CSS px. */
const INSET = 8;

interface Line {
  text: string;
  font: string;
  color: string;
  /** Legend entries instead of text. */
  legend?: { name: string; color: string }[];
}

/** Break a text into lines no wider than `width` (Chinese breaks anywhere; a run of Latin letters and digits stays whole). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const pieces = text.match(/[A-Za-z0-9.,%（）()]+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const p of pieces) {
    if (line && ctx.measureText(line + p).width > width) {
      lines.push(line);
      line = p.trimStart();
    } else line += p;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draw a chart spec offscreen at `width` × `height` CSS px and 2× density, in the light look. */
function render(spec: ChartSpec, width: number, height: number, look: Look): HTMLCanvasElement {
  const holder = document.createElement('div');
  Object.assign(holder.style, { position: 'fixed', left: '-10000px', top: '0', width: `${width}px`, height: `${height}px` });
  const canvas = document.createElement('canvas');
  holder.append(canvas);
  document.body.append(holder);
  const config = chartConfig(spec, look);
  config.options = { ...config.options, devicePixelRatio: SCALE, responsive: true, events: [] };
  const chart = new Chart(canvas, config);
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  copy.getContext('2d')?.drawImage(canvas, 0, 0);
  chart.destroy();
  holder.remove();
  return copy;
}

interface Panel {
  lines: Line[];
  image: HTMLCanvasElement;
  /** CSS px, relative to the panels' container. */
  x: number;
  top: number;
  width: number;
}

function lineHeight(font: string): number {
  return Math.round(parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '16') * 1.5);
}

/** Height of a block of lines once wrapped to `width`, CSS px. */
function measureLines(ctx: CanvasRenderingContext2D, lines: Line[], width: number): number {
  let h = 0;
  for (const l of lines) {
    ctx.font = l.font;
    h += lineHeight(l.font) * (l.legend ? legendRows(ctx, l, width).length : wrap(ctx, l.text, width).length);
  }
  return h;
}

function legendRows(ctx: CanvasRenderingContext2D, line: Line, width: number): { name: string; color: string }[][] {
  const size = parseFloat(/(\d+(?:\.\d+)?)px/.exec(line.font)?.[1] ?? '16');
  const rows: { name: string; color: string }[][] = [[]];
  let x = 0;
  for (const item of line.legend ?? []) {
    const w = size + 6 + ctx.measureText(item.name).width + size;
    if (x > 0 && x + w > width) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1]!.push(item);
    x += w;
  }
  return rows;
}

/** Draw lines from (x, y), CSS px; returns the y below them. */
function drawLines(ctx: CanvasRenderingContext2D, lines: Line[], x: number, y: number, width: number): number {
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const l of lines) {
    ctx.font = l.font;
    const lh = lineHeight(l.font);
    if (l.legend) {
      const size = parseFloat(/(\d+(?:\.\d+)?)px/.exec(l.font)?.[1] ?? '16');
      for (const row of legendRows(ctx, l, width)) {
        let cx = x;
        for (const item of row) {
          ctx.fillStyle = item.color;
          ctx.fillRect(cx, y + (lh - size * 0.8) / 2, size * 0.8, size * 0.8);
          ctx.fillStyle = l.color;
          ctx.fillText(item.name, cx + size + 2, y + lh / 2);
          cx += size + 6 + ctx.measureText(item.name).width + size;
        }
        y += lh;
      }
    } else {
      ctx.fillStyle = l.color;
      for (const t of wrap(ctx, l.text, width)) {
        ctx.fillText(t, x, y + lh / 2);
        y += lh;
      }
    }
  }
  return y;
}

/** Save a figure's charts as one PNG named `fileName`. */
export async function exportFigure(figure: HTMLElement, fileName: string, look: Look): Promise<void> {
  const container = figure.querySelector<HTMLElement>('.chart-panels');
  if (!container) return;
  const origin = container.getBoundingClientRect();
  const width = Math.round(origin.width);
  const text = (sel: string, root: ParentNode = figure): string => root.querySelector(sel)?.textContent?.trim() ?? '';
  const size = look.size;
  const body = fontOf({ ...look, size: Math.round(size * 1.1) });
  const small = fontOf(look);
  const muted = '#4a4a4a';

  const panels: Panel[] = [];
  for (const el of container.querySelectorAll<HTMLElement>('.chart-panel')) {
    const box = el.querySelector<HTMLElement>('[data-chart]');
    const block = box?.querySelector('script[data-chart-data]');
    if (!box || !block?.textContent) continue;
    const spec = JSON.parse(block.textContent) as ChartSpec;
    const r = box.getBoundingClientRect();
    const p = el.getBoundingClientRect();
    const lines: Line[] = [];
    const heading = text('.chart-panel__heading', el);
    if (heading) lines.push({ text: heading, font: fontOf(look, 'bold'), color: look.text });
    const unit = text('.chart-panel__unit', el);
    if (unit) lines.push({ text: unit, font: small, color: muted });
    const legend = [...el.querySelectorAll<HTMLElement>('[data-legend-slot]')].map((s) => ({
      name: s.parentElement?.textContent?.trim() ?? '',
      color: slotColor(Number(s.dataset.legendSlot), 'light'),
    }));
    if (legend.length) lines.push({ text: '', font: small, color: look.text, legend });
    panels.push({ lines, image: render(spec, Math.round(r.width), Math.round(r.height), look), x: Math.round(p.left - origin.left), top: Math.round(p.top - origin.top), width: Math.round(r.width) });
  }
  if (panels.length === 0) return;

  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) return;
  const inner = width - 2 * INSET;
  const header: Line[] = [{ text: text('.chart-figure__title'), font: fontOf({ ...look, size: Math.round(size * 1.4) }, 'bold'), color: look.text }];
  const footer: Line[] = [];
  for (const sel of ['[data-chart-note]', '[data-chart-footnote]']) {
    const note = figure.querySelector<HTMLElement>(sel)?.textContent?.trim();
    if (note) footer.push({ text: note, font: small, color: muted });
  }
  const source = figure.querySelector<HTMLElement>('[data-chart-export]')?.dataset.source;
  if (source) footer.push({ text: `数据来源：${source}`, font: small, color: muted });

  // Panels side by side on screen stay side by side; stacked ones stay stacked.
  const rows: Panel[][] = [];
  for (const p of [...panels].sort((a, b) => a.top - b.top || a.x - b.x)) {
    const row = rows.find((r) => r[0]!.top === p.top);
    if (row) row.push(p);
    else rows.push([p]);
  }
  const headerH = measureLines(ctx, header, inner) + INSET * 2;
  const rowH = rows.map((r) => Math.max(...r.map((p) => measureLines(ctx, p.lines, p.width - 2 * INSET) + 4 + p.image.height / SCALE)));
  const footerH = measureLines(ctx, footer, inner) + INSET * 2;
  out.width = width * SCALE;
  out.height = Math.round((headerH + rowH.reduce((a, b) => a + b, 0) + footerH) * SCALE);

  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, out.height / SCALE);
  drawLines(ctx, header, INSET, INSET, inner);
  let y = headerH;
  rows.forEach((row, i) => {
    for (const p of row) {
      const below = drawLines(ctx, p.lines, p.x + INSET, y, p.width - 2 * INSET) + 4;
      ctx.drawImage(p.image, p.x, below, p.image.width / SCALE, p.image.height / SCALE);
    }
    y += rowH[i] as number;
  });
  drawLines(ctx, footer, INSET, y + INSET, inner);

  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
