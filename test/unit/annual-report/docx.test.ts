/**
 * The Word export, unzipped and read as Word would: every part well-formed XML, the GB/T 9704 page and
 * type measures, the page-number fields in odd and even footers, and every figure equal to summary.json.
 * JSZip (unzip) and saxes (strict XML parser) come from node_modules as dependencies of docx/exceljs.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { runPipeline } from '../../../src/lib/data/pipeline.ts';
import { reportToDocx, GONGWEN, fontTableXml } from '../../../src/lib/annual-report/docx.ts';
import { breakdownMetric, sumExact } from '../../../src/lib/annual-report/build-reports.ts';
import { formatFigure } from '../../../src/lib/annual-report/figure-text.ts';
import { docxDescription } from '../../../src/lib/annual-report/report-meta.ts';
import { matchingYears, streakOfYears } from '../../../src/lib/shared/streak.ts';
import { normalizeConfig } from '../../../src/lib/shared/config.ts';
import type { Summary, Details } from '../../../src/lib/shared/types.ts';
import type { FigureRun, RenderedReport, ReportRun } from '../../../src/lib/annual-report/types.ts';

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: (XmlNode | string)[];
}

/** Parse XML strictly (throws on anything not well-formed) into a plain tree. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const root: XmlNode = { name: '#root', attrs: {}, children: [] };
  const stack: XmlNode[] = [root];
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void stack[stack.length - 1]!.children.push(t));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return root.children.find((c): c is XmlNode => typeof c !== 'string')!;
}

function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const visit = (n: XmlNode) => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(node);
  return out;
}

function first(node: XmlNode, name: string): XmlNode | undefined {
  return all(node, name)[0];
}

function textOf(node: XmlNode): string {
  return all(node, 'w:t')
    .map((t) => t.children.filter((c): c is string => typeof c === 'string').join(''))
    .join('');
}

interface Docx {
  files: Record<string, string>;
  document: XmlNode;
  paragraphs: XmlNode[];
}

async function openDocx(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) files[name] = await zip.files[name]!.async('string');
  const document = parseXml(files['word/document.xml']!);
  const body = first(document, 'w:body')!;
  const paragraphs = body.children.filter((c): c is XmlNode => typeof c !== 'string' && c.name === 'w:p');
  return { files, document, paragraphs };
}

const NOW = new Date('2026-03-01T02:00:00.000Z');
let summary: Summary;
let details: Details;
let reports: RenderedReport[];
const docs = new Map<number, Docx>();

beforeAll(async () => {
  const r = await runPipeline({ dataDir: 'data', now: NOW, config: normalizeConfig({ district: '示例区' }) });
  ({ summary, details, reports } = r);
  for (const report of reports) {
    const bytes = await reportToDocx(report, { district: '示例区', generatedAt: summary.generatedAt, description: docxDescription(report.year, summary.generatedAt) });
    docs.set(report.year, await openDocx(bytes));
  }
}, 60_000);

/** A figure's text recomputed from summary.json / details.json, in the form the run shows. */
function expectedFigure(f: FigureRun): string {
  if (f.metric === 'streak.title') return summary.honors.streak.title;
  const streak = streakOfYears(matchingYears(details.honors, summary.honors.streak.title), f.year);
  if (f.metric === 'streak.through') return String(streak.through);
  if (f.metric === 'streak') return formatFigure(streak.years, '年', f.text.endsWith('年') ? 'full' : 'value');
  const m = summary.metrics[f.metric] ?? breakdownMetric(details, f.metric);
  if (!m) throw new Error(`unknown metric ${f.metric}`);
  if (f.description.endsWith('比上年增减')) return formatFigure(m.yoy[String(f.year)]!, m.unit, 'yoy');
  let value = m.byYear[String(f.year)]!;
  if (f.fromYear !== undefined) {
    const values: number[] = [];
    for (let y = f.fromYear; y <= f.year; y++) values.push(m.byYear[String(y)]!);
    value = sumExact(values);
  }
  return formatFigure(value, m.unit, f.text.endsWith(m.unit) ? 'full' : 'value', f.metric);
}

function expectedText(runs: readonly ReportRun[]): string {
  return runs.map((r) => (r.kind === 'text' ? r.text : expectedFigure(r))).join('');
}

describe.each([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025])('the %i report as .docx', (year) => {
  const doc = () => docs.get(year)!;
  const report = () => reports.find((r) => r.year === year)!;

  it('is a zip of well-formed XML parts, with the parts Word needs', () => {
    const names = Object.keys(doc().files);
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/fontTable.xml', 'docProps/core.xml']) {
      expect(names).toContain(part);
    }
    for (const name of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) expect(() => parseXml(doc().files[name]!), name).not.toThrow();
  });

  it('is A4 with margins of 37, 35, 28 and 26 mm and a 28-point line grid', () => {
    const sect = first(doc().document, 'w:sectPr')!;
    expect(first(sect, 'w:pgSz')!.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(first(sect, 'w:pgMar')!.attrs).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' });
    expect(first(sect, 'w:docGrid')!.attrs).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '560' });
  });

  it('has the title in 二号 方正小标宋简体, centred, then a blank line', () => {
    const [title, blank] = doc().paragraphs;
    expect(textOf(title!)).toBe(report().title);
    expect(first(title!, 'w:jc')!.attrs['w:val']).toBe('center');
    expect(first(title!, 'w:rFonts')!.attrs['w:eastAsia']).toBe('方正小标宋简体');
    expect(first(title!, 'w:sz')!.attrs['w:val']).toBe('44');
    expect(textOf(blank!)).toBe('');
  });

  it('sets every body paragraph in 三号 仿宋_GB2312 at exactly 28 points, indented two characters, 28 characters a line', () => {
    const body = doc().paragraphs.slice(2);
    expect(body.length).toBeGreaterThan(10);
    for (const p of body) {
      expect(first(p, 'w:spacing')!.attrs).toMatchObject({ 'w:line': '560', 'w:lineRule': 'exact' });
      expect(first(p, 'w:ind')!.attrs).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' });
      expect(first(p, 'w:sz')!.attrs['w:val']).toBe('32');
      // 28 characters of 16 pt plus the spacing fit the 156 mm line, 29 do not.
      const spacing = Number(first(p, 'w:rPr') && first(first(p, 'w:r')!, 'w:spacing')!.attrs['w:val']);
      const widthPt = (11906 - 1587 - 1474) / 20;
      expect(28 * (16 + spacing / 20)).toBeLessThanOrEqual(widthPt);
      expect(29 * (16 + spacing / 20)).toBeGreaterThan(widthPt);
    }
    const fonts = body.map((p) => first(p, 'w:rFonts')!.attrs['w:eastAsia']);
    const headings = body.filter((p) => /^[一二三四五六七八九十]+、/.test(textOf(p)));
    expect(headings.map(textOf)).toEqual(['一、带头落实好党管武装工作的各项制度', '二、带头解决好部队官兵的实际问题', '三、带头营造好支持国防的浓厚氛围']);
    for (const h of headings) expect(first(h, 'w:rFonts')!.attrs['w:eastAsia']).toBe('黑体');
    expect(fonts.filter((f) => f === '仿宋_GB2312').length).toBe(body.length - headings.length);
  });

  it('numbers pages "— N —" in 四号 宋体: right on odd pages, left on even ones', () => {
    expect(doc().files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const sect = first(doc().document, 'w:sectPr')!;
    const refs = all(sect, 'w:footerReference').map((f) => [f.attrs['w:type'], f.attrs['r:id']] as const);
    expect(refs.map(([t]) => t).sort()).toEqual(['default', 'even']);
    const rels = parseXml(doc().files['word/_rels/document.xml.rels']!);
    const target = (id: string) => all(rels, 'Relationship').find((r) => r.attrs.Id === id)!.attrs.Target!;
    for (const [type, id] of refs) {
      const footer = parseXml(doc().files[`word/${target(id!)}`]!);
      const p = first(footer, 'w:p')!;
      expect(textOf(p)).toMatch(/^— .* —$/);
      expect(all(p, 'w:instrText').map((n) => n.children.join('').trim())).toEqual(['PAGE']);
      expect(all(p, 'w:fldChar').map((n) => n.attrs['w:fldCharType'])).toEqual(['begin', 'separate', 'end']);
      expect(first(p, 'w:rFonts')!.attrs['w:eastAsia']).toBe('宋体');
      expect(first(p, 'w:sz')!.attrs['w:val']).toBe('28');
      const side = type === 'default' ? 'right' : 'left';
      expect(first(p, 'w:jc')!.attrs['w:val']).toBe(side);
      expect(first(p, 'w:ind')!.attrs[`w:${side}`]).toBe('280');
    }
  });

  it('names the GB fonts with their fallbacks in the font table', () => {
    const fonts = all(parseXml(doc().files['word/fontTable.xml']!), 'w:font');
    const alt = Object.fromEntries(fonts.map((f) => [f.attrs['w:name'], first(f, 'w:altName')?.attrs['w:val'] ?? null]));
    expect(alt).toMatchObject({ 仿宋_GB2312: '仿宋,FangSong', 方正小标宋简体: '宋体,SimSun', 楷体_GB2312: '楷体,KaiTi', 黑体: 'SimHei' });
    for (const f of fonts.filter((x) => x.attrs['w:name'] !== 'Times New Roman')) expect(first(f, 'w:charset')!.attrs['w:val']).toBe('86');
  });

  it('has the report text, every figure equal to summary.json', () => {
    const expected = [report().title, ''];
    for (const b of report().blocks) {
      if (b.kind === 'list') for (const item of b.items) expected.push(expectedText(item));
      else expected.push(expectedText(b.runs));
    }
    expect(doc().paragraphs.map(textOf)).toEqual(expected);
  });

  it('records the build time and the data period in its properties', () => {
    const core = parseXml(doc().files['docProps/core.xml']!);
    expect(first(core, 'dcterms:created')!.children.join('')).toBe('2026-03-01T02:00:00Z');
    expect(first(core, 'dc:description')!.children.join('')).toBe(`数据截至${year}年；生成于2026年3月1日 10:00；由统计数据按模板生成，请核对后使用`);
  });
});

describe('the 2025 .docx in figures', () => {
  it('writes the figures in 公文 style with the tables’ decimals', () => {
    const text = docs.get(2025)!.paragraphs.map(textOf).join('\n');
    for (const s of ['经费1,344.73万元，比上年增长7.6%', '已连续8年被评为“双拥模范城”', '民兵整组专项经费53.10万元', '近两年，', '共查处案件450起']) expect(text).toContain(s);
  });

  it('sets a ### heading (（一）) in 楷体_GB2312', async () => {
    const report: RenderedReport = {
      year: 2025,
      title: '标题',
      text: '',
      blocks: [
        { kind: 'heading', level: 2, runs: [{ kind: 'text', text: '一、大标题' }] },
        { kind: 'heading', level: 3, runs: [{ kind: 'text', text: '（一）小标题' }] },
        { kind: 'list', items: [[{ kind: 'text', text: '列表项' }]] },
      ],
    };
    const d = await openDocx(await reportToDocx(report, { district: '示例区', generatedAt: NOW.toISOString(), description: '' }));
    expect(d.paragraphs.slice(2).map((p) => [textOf(p), first(p, 'w:rFonts')!.attrs['w:eastAsia']])).toEqual([
      ['一、大标题', '黑体'],
      ['（一）小标题', '楷体_GB2312'],
      ['列表项', '仿宋_GB2312'],
    ]);
  });

  it('keeps hostile text as text: markup, ampersands, quotes and control-like characters stay well-formed', async () => {
    const hostile = '<script>alert(7)</script> & "x" \'y\' ]]> \u3000＜＞';
    const report: RenderedReport = { year: 2025, title: `${hostile}报告`, text: '', blocks: [{ kind: 'paragraph', runs: [{ kind: 'text', text: hostile }] }] };
    const bytes = await reportToDocx(report, { district: '<b>区</b>&', generatedAt: NOW.toISOString(), description: '"&<>' });
    const d = await openDocx(bytes);
    expect(d.paragraphs.map(textOf)).toEqual([`${hostile}报告`, '', hostile]);
    expect(first(parseXml(d.files['docProps/core.xml']!), 'dc:creator')!.children.join('')).toBe('<b>区</b>&');
  });

  it('escapes XML in the font table and the measures match the standard in millimetres', () => {
    expect(fontTableXml()).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    expect(GONGWEN.margin).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
  });
});
