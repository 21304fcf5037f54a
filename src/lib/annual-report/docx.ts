/**
 * The annual report as a Word document laid out to GB/T 9704-2012 党政机关公文格式, built at build time
 * with the `docx` package (never shipped to the browser).
 *
 * - A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 mm × 225 mm).
 * - Title 二号 (22 pt) 方正小标宋简体, centred, one blank line after it.
 * - Body 三号 (16 pt) 仿宋_GB2312, fixed 28 pt line spacing (22 lines a page), first line indented two
 *   characters, justified, characters set 0.25 pt closer so that 28 fill a line.
 * - `##` headings (一、…) 三号 黑体, `###` headings (（一）…) 三号 楷体_GB2312, indented like the body.
 * - Page numbers 四号 (14 pt) 宋体 "— 1 —" in the footer, one character in from the right on odd pages and from
 *   the left on even ones (odd/even footers).
 *
 * The GB fonts are named on every run (East Asian slot; Latin letters and digits in Times New Roman) and
 * listed in the font table with their common fallbacks as alternate names (仿宋_GB2312 → 仿宋/FangSong,
 * 方正小标宋简体 → 宋体/SimSun, 楷体_GB2312 → 楷体/KaiTi, 黑体 → SimHei), GB2312 charset and PANOSE, which
 * Word and WPS use to substitute a missing font. LibreOffice ignores alternate names and falls back through
 * fontconfig to an installed CJK font.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import type { RenderedReport, ReportRun } from './types.ts';

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips, rounded. */
export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** Width of the 版心 in points. */
const TEXT_WIDTH_PT = (PAGE.width - MARGIN.left - MARGIN.right) / 20;

/** The page and type measures of the layout, in OOXML units (twips; half-points for font sizes). */
export const GONGWEN = {
  page: PAGE,
  margin: MARGIN,
  /** Footer distance from the page's bottom edge: the number's top about 7 mm below the 版心. */
  footer: mm(22.5),
  header: mm(15),
  /** 28 pt exact. */
  line: 560,
  size: { title: 44, body: 32, pageNumber: 28 },
  /** Two characters of 三号 (16 pt) for the first-line indent; one of 四号 (14 pt) beside the page number. */
  indent: { firstLine: 640, firstLineChars: 200, pageNumber: 280 },
  /** 22 lines a page: the line grid's pitch (28 pt). */
  grid: { linePitch: 560 },
  /**
   * 28 characters a line: the body's character spacing in twips (1/20 pt), the largest that fits 28 16-pt characters
   * on the 版心's width. A character grid (docGrid linesAndChars) would say the same to Word, but LibreOffice then
   * gives every 16-pt character two grid cells; character spacing lays out alike in Word, WPS and LibreOffice.
   */
  characterSpacing: Math.floor((TEXT_WIDTH_PT / 28 - 16) * 20),
  font: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    pageNumber: '宋体',
    latin: 'Times New Roman',
  },
} as const;

/** Each GB font with its fallbacks for the font table: alternate names, charset 86 (GB2312), family, pitch, PANOSE. */
const FONT_TABLE: readonly { name: string; alt?: string; panose: string; family: string; pitch: string; charset: string }[] = [
  { name: GONGWEN.font.body, alt: '仿宋,FangSong', panose: '02010609030101010101', family: 'modern', pitch: 'fixed', charset: '86' },
  { name: GONGWEN.font.title, alt: '宋体,SimSun', panose: '02000000000000000000', family: 'auto', pitch: 'variable', charset: '86' },
  { name: GONGWEN.font.heading1, alt: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed', charset: '86' },
  { name: GONGWEN.font.heading2, alt: '楷体,KaiTi', panose: '02010609030101010101', family: 'modern', pitch: 'fixed', charset: '86' },
  { name: GONGWEN.font.pageNumber, alt: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable', charset: '86' },
  { name: GONGWEN.font.latin, panose: '02020603050405020304', family: 'roman', pitch: 'variable', charset: '00' },
];

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** word/fontTable.xml naming every font the document uses, with substitution data. */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${xmlEscape(f.name)}">${f.alt ? `<w:altName w:val="${xmlEscape(f.alt)}"/>` : ''}<w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    fonts +
    '</w:fonts>'
  );
}

/** docProps/core.xml with the build time (not the packing time), so a rebuild of the same data writes the same properties. */
export function corePropertiesXml(p: { title: string; creator: string; description: string; date: string }): string {
  const date = new Date(p.date);
  const iso = Number.isNaN(date.getTime()) ? '1970-01-01T00:00:00Z' : `${date.toISOString().slice(0, 19)}Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(p.title)}</dc:title><dc:creator>${xmlEscape(p.creator)}</dc:creator>` +
    `<dc:description>${xmlEscape(p.description)}</dc:description><cp:lastModifiedBy>${xmlEscape(p.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function fontOf(eastAsia: string): IRunOptions['font'] {
  return { eastAsia, ascii: GONGWEN.font.latin, hAnsi: GONGWEN.font.latin, cs: GONGWEN.font.latin };
}

const EXACT = { line: GONGWEN.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const FIRST_LINE = { firstLine: GONGWEN.indent.firstLine, firstLineChars: GONGWEN.indent.firstLineChars };

function textRuns(runs: readonly ReportRun[], eastAsia: string): TextRun[] {
  const text = runs.map((r) => r.text).join('');
  return text === '' ? [] : [new TextRun({ text, font: fontOf(eastAsia), size: GONGWEN.size.body, characterSpacing: GONGWEN.characterSpacing })];
}

function bodyParagraph(runs: readonly ReportRun[], eastAsia: string = GONGWEN.font.body, keepNext = false): Paragraph {
  return new Paragraph({
    children: textRuns(runs, eastAsia),
    alignment: AlignmentType.BOTH,
    spacing: EXACT,
    indent: FIRST_LINE,
    keepNext,
    // 公文 figures sit tight against their units and the text around them ("1,344.73万元"): no automatic gap.
    autoSpaceEastAsianText: false,
  });
}

function pageNumberFooter(side: 'right' | 'left'): Footer {
  const font = { eastAsia: GONGWEN.font.pageNumber, ascii: GONGWEN.font.pageNumber, hAnsi: GONGWEN.font.pageNumber, cs: GONGWEN.font.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: GONGWEN.indent.pageNumber } : { left: GONGWEN.indent.pageNumber },
        spacing: { before: 0, after: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: GONGWEN.size.pageNumber })],
      }),
    ],
  });
}

export interface DocxMeta {
  /** Author shown in the document properties: the district. */
  district: string;
  /** Build time (ISO), written as the document's created/modified date. */
  generatedAt: string;
  /** Properties' description, e.g. "数据截至2025年；生成于…". */
  description: string;
}

/** The Document object of a report (exported for tests that inspect it before packing). */
export function reportDocument(report: RenderedReport): Document {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 720, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      autoSpaceEastAsianText: false,
      children: [new TextRun({ text: report.title, font: fontOf(GONGWEN.font.title), size: GONGWEN.size.title })],
    }),
    // 标题下空一行.
    new Paragraph({ spacing: EXACT, children: [] }),
  ];
  for (const b of report.blocks) {
    if (b.kind === 'heading') children.push(bodyParagraph(b.runs, b.level === 3 ? GONGWEN.font.heading2 : GONGWEN.font.heading1, true));
    else if (b.kind === 'paragraph') children.push(bodyParagraph(b.runs));
    else for (const item of b.items) children.push(bodyParagraph(item));
  }
  return new Document({
    title: report.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf(GONGWEN.font.body), size: GONGWEN.size.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: EXACT },
        },
      },
      // Normal carries the body's font, size and spacing too: what an admin types in Word or WPS looks like the body.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: fontOf(GONGWEN.font.body), size: GONGWEN.size.body, characterSpacing: GONGWEN.characterSpacing },
          paragraph: { spacing: EXACT },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: GONGWEN.page.width, height: GONGWEN.page.height },
            margin: { ...GONGWEN.margin, header: GONGWEN.header, footer: GONGWEN.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: GONGWEN.grid.linePitch },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
}

/** The report as .docx bytes, with our font table and document properties. */
export async function reportToDocx(report: RenderedReport, meta: DocxMeta): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await Packer.toBuffer(reportDocument(report), false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
    { path: 'docProps/core.xml', data: corePropertiesXml({ title: report.title, creator: meta.district, description: meta.description, date: meta.generatedAt }) },
  ]);
  return Uint8Array.from(buffer);
}
