/**
 * The report template's Markdown subset, read into blocks of text and placeholders.
 *
 * Supported: `#`, `##`, `###` headings (one line each), paragraphs (consecutive non-blank lines, joined
 * without a space since the text is Chinese), `- ` list items, and `<!-- … -->` comments, which are
 * skipped (the template documents its own syntax in one). Nothing else is interpreted: `**`, `<b>` and
 * the like stay literal text, and pages always escape it. A placeholder cannot span lines, and there is
 * no escape for a literal `{{`.
 *
 * Positions: this file is not a CSV, so `column` is not a field number. `line` is the physical 1-based
 * line (every line counts, blank and comment lines too; CRLF, LF and CR all end a line; a leading BOM is
 * not a character) and `column` the 1-based character (Unicode code point) column where the
 * placeholder's `{{` starts: in `经费{{ x }}` the placeholder is at column 3.
 */
import { parsePlaceholder, type Placeholder, type PlaceholderError } from './parse-placeholder.ts';

export interface TemplatePlaceholder {
  kind: 'placeholder';
  placeholder: Placeholder;
  /** The placeholder as written, `{{` to `}}`. */
  source: string;
  line: number;
  column: number;
}

export type TemplateSegment = { kind: 'text'; text: string } | TemplatePlaceholder;

export type TemplateBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; segments: TemplateSegment[] }
  | { kind: 'paragraph'; segments: TemplateSegment[] }
  | { kind: 'list'; items: TemplateSegment[][] };

export type TemplateSyntaxError =
  | PlaceholderError
  | { code: 'report_unclosed' | 'report_stray_close' | 'report_nested'; params: Record<string, never> };

export interface TemplateProblem {
  error: TemplateSyntaxError;
  line: number;
  column: number;
}

export interface ParsedTemplate {
  blocks: TemplateBlock[];
  problems: TemplateProblem[];
}

/** Code-point column (1-based) of UTF-16 index `index` in `line`. */
export function charColumn(line: string, index: number): number {
  let col = 1;
  for (let i = 0; i < index; i++) {
    const c = line.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < index) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    col++;
  }
  return col;
}

const MASK = '\u0000';
const WS = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;

/** Replace `<!-- … -->` comments (possibly spanning lines) by MASK characters, keeping every index in place. */
function maskComments(lines: string[]): string[] {
  let inComment = false;
  return lines.map((line) => {
    let out = '';
    let i = 0;
    while (i < line.length) {
      if (inComment) {
        const end = line.indexOf('-->', i);
        const stop = end < 0 ? line.length : end + 3;
        out += MASK.repeat(stop - i);
        i = stop;
        if (end >= 0) inComment = false;
      } else {
        const start = line.indexOf('<!--', i);
        if (start < 0) {
          out += line.slice(i);
          break;
        }
        out += line.slice(i, start);
        i = start;
        inComment = true;
      }
    }
    return out;
  });
}

/** Split one line's content (from UTF-16 index `from`) into text and placeholders, collecting problems. */
function scanInline(line: string, from: number, lineNo: number, problems: TemplateProblem[]): TemplateSegment[] {
  const segs: TemplateSegment[] = [];
  let text = '';
  const flush = () => {
    const t = text.replaceAll(MASK, '');
    if (t !== '') segs.push({ kind: 'text', text: t });
    text = '';
  };
  let i = from;
  while (i < line.length) {
    const open = line.indexOf('{{', i);
    const close = line.indexOf('}}', i);
    if (close >= 0 && (open < 0 || close < open)) {
      problems.push({ error: { code: 'report_stray_close', params: {} }, line: lineNo, column: charColumn(line, close) });
      text += line.slice(i, close + 2);
      i = close + 2;
      continue;
    }
    if (open < 0) {
      text += line.slice(i);
      break;
    }
    text += line.slice(i, open);
    const column = charColumn(line, open);
    const end = line.indexOf('}}', open + 2);
    if (end < 0) {
      problems.push({ error: { code: 'report_unclosed', params: {} }, line: lineNo, column });
      text += line.slice(open);
      break;
    }
    const inner = line.slice(open + 2, end);
    const source = line.slice(open, end + 2);
    if (inner.includes('{{')) {
      problems.push({ error: { code: 'report_nested', params: {} }, line: lineNo, column });
      text += source;
    } else {
      const parsed = parsePlaceholder(inner.replaceAll(MASK, ''));
      if (parsed.ok) {
        flush();
        segs.push({ kind: 'placeholder', placeholder: parsed.placeholder, source, line: lineNo, column });
      } else {
        problems.push({ error: parsed.error, line: lineNo, column });
        text += source;
      }
    }
    i = end + 2;
  }
  flush();
  return segs;
}

/** Append segments to a run of segments, merging adjacent text (lines of a paragraph join without a space). */
function appendSegments(target: TemplateSegment[], more: TemplateSegment[]): void {
  for (const s of more) {
    const last = target[target.length - 1];
    if (s.kind === 'text' && last?.kind === 'text') last.text += s.text;
    else target.push(s.kind === 'text' ? { ...s } : s);
  }
}

/** Read a template into blocks; syntax problems are returned with their line and character column, never thrown. */
export function parseTemplate(source: string): ParsedTemplate {
  const text = source.replace(/^\uFEFF/, '');
  const rawLines = text.split(/\r\n|\n|\r/);
  const lines = maskComments(rawLines);
  const blocks: TemplateBlock[] = [];
  const problems: TemplateProblem[] = [];
  let para: TemplateSegment[] | null = null;
  let list: TemplateSegment[][] | null = null;

  const end = () => {
    if (para && para.length > 0) blocks.push({ kind: 'paragraph', segments: para });
    if (list && list.length > 0) blocks.push({ kind: 'list', items: list });
    para = null;
    list = null;
  };

  lines.forEach((line, idx) => {
    const lineNo = idx + 1;
    const visible = line.replaceAll(MASK, ' ');
    if (visible.replace(WS, '') === '') {
      end();
      return;
    }
    const lead = /^[\s\u3000\u00a0\u0000]*/.exec(line)?.[0].length ?? 0;
    const rest = line.slice(lead);
    const heading = /^(#{1,6})[ \t\u3000]+/.exec(rest);
    if (heading) {
      end();
      const level = Math.min(3, heading[1]!.length) as 1 | 2 | 3;
      const segs = trimSegments(scanInline(line, lead + heading[0].length, lineNo, problems));
      blocks.push({ kind: 'heading', level, segments: segs });
      return;
    }
    const bullet = /^[-*][ \t\u3000]+/.exec(rest);
    if (bullet) {
      if (para) end();
      list ??= [];
      list.push(trimSegments(scanInline(line, lead + bullet[0].length, lineNo, problems)));
      return;
    }
    const segs = trimSegments(scanInline(line, lead, lineNo, problems));
    if (list) {
      // A line right after a list item continues it (Markdown's lazy continuation).
      appendSegments(list[list.length - 1]!, segs);
      return;
    }
    para ??= [];
    appendSegments(para, segs);
  });
  end();
  return { blocks, problems };
}

/** Trim spaces (also U+3000) at the ends of a line's segments. */
function trimSegments(segs: TemplateSegment[]): TemplateSegment[] {
  const first = segs[0];
  if (first?.kind === 'text') first.text = first.text.replace(/^[\s\u3000\u00a0]+/, '');
  const last = segs[segs.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/[\s\u3000\u00a0]+$/, '');
  return segs.filter((s) => s.kind !== 'text' || s.text !== '');
}
