/**
 * The report template's Markdown subset, read into blocks of text, placeholders and conditional text.
 *
 * Supported: `#`, `##`, `###` headings (one line each), paragraphs (consecutive non-blank lines, joined
 * without a space since the text is Chinese), `- ` list items, and `<!-- … -->` comments, which are
 * skipped (the template documents its own syntax in one; a comment that never ends is an error). Nothing
 * else is interpreted: `**`, `<b>` and the like stay literal text, and pages always escape it. A placeholder
 * cannot span lines, and there is no escape for a literal `{{`, `[[` or `]]`.
 *
 * Conditional text, inside one heading, paragraph or list item (it may span the paragraph's lines):
 * - `[[ … ]]` an optional clause, left out of a year's report when a figure inside has no data there
 *   (a sum missing any of its years, a yoy or prev without a previous year, no streak);
 * - `[[? … ]]` the same, also left out when a figure inside is zero;
 * - `{{#if 条件}} … {{#elif 条件}} … {{#else}} … {{/if}}` the first branch whose condition holds (see
 *   parse-condition.ts); none holding and no `{{#else}}` gives nothing.
 * They nest, but never cross: `[[ {{#if a}} ]] {{/if}}` is an error.
 *
 * Positions: this file is not a CSV, so `column` is not a field number. `line` is the physical 1-based
 * line (every line counts, blank and comment lines too; CRLF, LF and CR all end a line; a leading BOM is
 * not a character) and `column` the 1-based character (Unicode code point) column where the construct
 * starts (`{{`, `[[`, `]]`, `<!--`): in `经费{{ x }}` the placeholder is at column 3.
 */
import { parsePlaceholder, type Placeholder, type PlaceholderError } from './parse-placeholder.ts';
import { formatNumber } from '../shared/format.ts';
import { DIRECTIVE_TEXT, isDirective, parseDirective, type Condition, type DirectiveError } from './parse-condition.ts';

export interface TemplatePlaceholder {
  kind: 'placeholder';
  placeholder: Placeholder;
  /** The placeholder as written, `{{` to `}}`. */
  source: string;
  line: number;
  column: number;
}

/** `[[ … ]]` (or `[[? … ]]` with dropZero): kept only when every figure inside has data (and is not zero). */
export interface TemplateOptional {
  kind: 'optional';
  dropZero: boolean;
  nodes: TemplateNode[];
  line: number;
  column: number;
}

/** One branch of a choice: `{{#if}}`/`{{#elif}}` with a condition, or `{{#else}}` (condition null). */
export interface TemplateBranch {
  condition: Condition | null;
  /** The condition's figure as a placeholder at the directive's `{{` (for reference errors and warnings); null for `{{#else}}`. */
  subject: TemplatePlaceholder | null;
  line: number;
  column: number;
  nodes: TemplateNode[];
}

/** `{{#if}} … {{/if}}`: the first branch whose condition holds. */
export interface TemplateChoice {
  kind: 'choice';
  branches: TemplateBranch[];
  line: number;
  column: number;
}

export type TemplateNode = { kind: 'text'; text: string } | TemplatePlaceholder | TemplateOptional | TemplateChoice;

export type TemplateBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; nodes: TemplateNode[] }
  | { kind: 'paragraph'; nodes: TemplateNode[] }
  | { kind: 'list'; items: TemplateNode[][] };

type NoParams = Record<string, never>;

export type TemplateSyntaxError =
  | PlaceholderError
  | DirectiveError
  | { code: 'report_unclosed' | 'report_stray_close' | 'report_nested' | 'report_comment_unclosed'; params: NoParams }
  | { code: 'report_too_long'; params: { length: string; start: string; limit: number } }
  | { code: 'report_optional_unclosed' | 'report_optional_stray_close'; params: NoParams }
  | { code: 'report_if_unclosed'; params: NoParams }
  | { code: 'report_directive_stray'; params: { name: string } }
  | { code: 'report_else_after_else'; params: { name: string; line: number; column: number } }
  | { code: 'report_crossed'; params: { closer: string; opener: string; line: number; column: number } }
  | { code: 'report_more_problems'; params: { count: number } };

export interface TemplateProblem {
  error: TemplateSyntaxError;
  line: number;
  column: number;
}

export interface ParsedTemplate {
  blocks: TemplateBlock[];
  problems: TemplateProblem[];
  /** The physical lines with comments blanked out (each comment character a space), for further checks by position. */
  lines: string[];
}

/** A placeholder or directive longer than this (characters between `{{` and `}}`) is refused unread. */
export const MAX_PLACEHOLDER_LENGTH = 200;

/** Problems listed per template; past it one line says how many more there are. */
export const MAX_TEMPLATE_PROBLEMS = 100;

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

/** Column of `index` given the column already known at `fromIndex` (keeps scanning a long line linear). */
class ColumnCounter {
  private index = 0;
  private column = 1;
  constructor(private readonly line: string) {}
  at(index: number): number {
    if (index < this.index) {
      this.index = 0;
      this.column = 1;
    }
    this.column += charColumn(this.line.slice(this.index, index), index - this.index) - 1;
    this.index = index;
    return this.column;
  }
}

const MASK = '\u0000';
const WS = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;

/** Replace `<!-- … -->` comments (possibly spanning lines) by MASK characters, keeping every index in place; reports a comment left open. */
function maskComments(lines: string[], problems: Problems): string[] {
  let open: { line: number; column: number } | null = null;
  const masked = lines.map((line, idx) => {
    let out = '';
    let i = 0;
    while (i < line.length) {
      if (open) {
        const end = line.indexOf('-->', i);
        const stop = end < 0 ? line.length : end + 3;
        out += MASK.repeat(stop - i);
        i = stop;
        if (end >= 0) open = null;
      } else {
        const start = line.indexOf('<!--', i);
        if (start < 0) {
          out += line.slice(i);
          break;
        }
        out += line.slice(i, start);
        open = { line: idx + 1, column: charColumn(line, start) };
        out += MASK.repeat(4);
        i = start + 4;
      }
    }
    return out;
  });
  if (open !== null) {
    const o: { line: number; column: number } = open;
    problems.add({ error: { code: 'report_comment_unclosed', params: {} }, line: o.line, column: o.column });
  }
  return masked;
}

/** Problems in order of discovery, capped: past MAX_TEMPLATE_PROBLEMS only counted. */
class Problems {
  readonly list: TemplateProblem[] = [];
  private dropped = 0;
  private firstDropped: { line: number; column: number } | null = null;
  add(p: TemplateProblem): void {
    if (this.list.length < MAX_TEMPLATE_PROBLEMS) this.list.push(p);
    else {
      this.dropped++;
      this.firstDropped ??= { line: p.line, column: p.column };
    }
  }
  result(): TemplateProblem[] {
    const sorted = [...this.list].sort((a, b) => a.line - b.line || a.column - b.column);
    if (this.dropped > 0 && this.firstDropped) {
      sorted.push({ error: { code: 'report_more_problems', params: { count: this.dropped } }, ...this.firstDropped });
    }
    return sorted;
  }
}

/** What a line reads into, before conditionals are matched up. */
type Token =
  | { kind: 'text'; text: string }
  | TemplatePlaceholder
  | { kind: 'open'; dropZero: boolean; line: number; column: number }
  | { kind: 'close'; line: number; column: number }
  | { kind: 'if' | 'elif'; condition: Condition; line: number; column: number }
  | { kind: 'else' | 'endif'; line: number; column: number };

/** Stands in for a condition that did not parse (its error is reported; no report is rendered). */
const NO_CONDITION: Condition = { subject: { ref: { kind: 'year' }, at: null, prev: false, sum: null, form: 'full' }, op: null, value: null };

const SPECIAL = /\{\{|\}\}|\[\[|\]\]/g;

/** Preview of a long text for a message: its first characters and an ellipsis. */
function preview(s: string, n = 12): string {
  const chars = Array.from(s.slice(0, n * 2).trim());
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}

/** Split one line's content (from UTF-16 index `from`) into tokens, collecting problems. */
function scanLine(line: string, from: number, lineNo: number, problems: Problems): Token[] {
  const tokens: Token[] = [];
  const cols = new ColumnCounter(line);
  let text = '';
  const flush = () => {
    const t = text.replaceAll(MASK, '');
    if (t !== '') tokens.push({ kind: 'text', text: t });
    text = '';
  };
  const problem = (error: TemplateSyntaxError, index: number) => problems.add({ error, line: lineNo, column: cols.at(index) });
  let i = from;
  SPECIAL.lastIndex = from;
  for (let m = SPECIAL.exec(line); m !== null; m = SPECIAL.exec(line)) {
    const at = m.index;
    text += line.slice(i, at);
    if (m[0] === '}}') {
      problem({ code: 'report_stray_close', params: {} }, at);
      text += '}}';
      i = at + 2;
    } else if (m[0] === ']]') {
      flush();
      tokens.push({ kind: 'close', line: lineNo, column: cols.at(at) });
      i = at + 2;
    } else if (m[0] === '[[') {
      flush();
      const q = line[at + 2];
      const dropZero = q === '?' || q === '？';
      tokens.push({ kind: 'open', dropZero, line: lineNo, column: cols.at(at) });
      i = at + (dropZero ? 3 : 2);
    } else {
      const end = line.indexOf('}}', at + 2);
      if (end < 0) {
        problem({ code: 'report_unclosed', params: {} }, at);
        text += line.slice(at);
        i = line.length;
        break;
      }
      const inner = line.slice(at + 2, end).replaceAll(MASK, '');
      const source = line.slice(at, end + 2);
      i = end + 2;
      if (inner.length > MAX_PLACEHOLDER_LENGTH) {
        problem({ code: 'report_too_long', params: { length: formatNumber(Array.from(inner).length), start: preview(inner), limit: MAX_PLACEHOLDER_LENGTH } }, at);
        text += source;
      } else if (inner.includes('{{')) {
        problem({ code: 'report_nested', params: {} }, at);
        text += source;
      } else if (isDirective(inner)) {
        const d = parseDirective(inner);
        if (!d.ok) problem(d.error, at);
        if (d.name !== null) {
          // A directive with a wrong condition still pairs with its {{/if}}, so one mistake gives one error.
          flush();
          const pos = { line: lineNo, column: cols.at(at) };
          if (d.name === 'if' || d.name === 'elif') tokens.push({ kind: d.name, condition: (d.ok && d.condition) || NO_CONDITION, ...pos });
          else tokens.push({ kind: d.name, ...pos });
        }
      } else {
        const parsed = parsePlaceholder(inner);
        if (parsed.ok) {
          flush();
          tokens.push({ kind: 'placeholder', placeholder: parsed.placeholder, source, line: lineNo, column: cols.at(at) });
        } else {
          problem(parsed.error, at);
          text += source;
        }
      }
    }
    SPECIAL.lastIndex = i;
  }
  text += line.slice(i);
  flush();
  return tokens;
}

/** Append tokens, merging adjacent text (lines of a paragraph join without a space). */
function appendTokens(target: Token[], more: Token[]): void {
  for (const t of more) {
    const last = target[target.length - 1];
    if (t.kind === 'text' && last?.kind === 'text') last.text += t.text;
    else target.push(t.kind === 'text' ? { ...t } : t);
  }
}

type Frame =
  | { kind: 'root'; nodes: TemplateNode[] }
  | { kind: 'optional'; node: TemplateOptional; reported: boolean }
  | { kind: 'choice'; node: TemplateChoice; current: TemplateBranch; elseAt: { line: number; column: number } | null; reported: boolean };

function frameNodes(f: Frame): TemplateNode[] {
  return f.kind === 'root' ? f.nodes : f.kind === 'optional' ? f.node.nodes : f.current.nodes;
}

function subjectOf(tok: { condition: Condition; line: number; column: number }): TemplatePlaceholder {
  return { kind: 'placeholder', placeholder: tok.condition.subject, source: '', line: tok.line, column: tok.column };
}

const OPENER = { optional: '[[', choice: '{{#if}}' } as const;

/** Match the conditionals of one block's tokens into a tree; unbalanced or crossed constructs are problems. */
function buildTree(tokens: Token[], problems: Problems): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: Frame[] = [{ kind: 'root', nodes: root }];
  const top = () => stack[stack.length - 1]!;
  const push = (n: TemplateNode) => {
    const nodes = frameNodes(top());
    const last = nodes[nodes.length - 1];
    if (n.kind === 'text' && last?.kind === 'text') last.text += n.text;
    else nodes.push(n.kind === 'text' ? { ...n } : n);
  };
  /** A closer whose opener is not on top: crossed when the opener is deeper, stray otherwise. */
  const mismatch = (closer: string, want: 'optional' | 'choice', at: { line: number; column: number }, stray: TemplateSyntaxError) => {
    const t = top();
    for (let k = stack.length - 1; k > 0; k--) {
      const f = stack[k]!;
      if (f.kind === want && t.kind !== 'root') {
        problems.add({
          error: { code: 'report_crossed', params: { closer, opener: OPENER[t.kind], line: t.node.line, column: t.node.column } },
          ...at,
        });
        f.reported = true;
        return;
      }
    }
    problems.add({ error: stray, ...at });
  };

  for (const tok of tokens) {
    const t = top();
    switch (tok.kind) {
      case 'text':
      case 'placeholder':
        push(tok);
        break;
      case 'open': {
        const node: TemplateOptional = { kind: 'optional', dropZero: tok.dropZero, nodes: [], line: tok.line, column: tok.column };
        push(node);
        stack.push({ kind: 'optional', node, reported: false });
        break;
      }
      case 'close':
        if (t.kind === 'optional') stack.pop();
        else mismatch(']]', 'optional', tok, { code: 'report_optional_stray_close', params: {} });
        break;
      case 'if': {
        const branch: TemplateBranch = { condition: tok.condition, subject: subjectOf(tok), line: tok.line, column: tok.column, nodes: [] };
        const node: TemplateChoice = { kind: 'choice', branches: [branch], line: tok.line, column: tok.column };
        push(node);
        stack.push({ kind: 'choice', node, current: branch, elseAt: null, reported: false });
        break;
      }
      case 'elif':
      case 'else': {
        const name = DIRECTIVE_TEXT[tok.kind];
        if (t.kind !== 'choice') {
          mismatch(name, 'choice', tok, { code: 'report_directive_stray', params: { name } });
          break;
        }
        if (t.elseAt) {
          problems.add({ error: { code: 'report_else_after_else', params: { name, ...t.elseAt } }, line: tok.line, column: tok.column });
          break;
        }
        const branch: TemplateBranch =
          tok.kind === 'elif'
            ? { condition: tok.condition, subject: subjectOf(tok), line: tok.line, column: tok.column, nodes: [] }
            : { condition: null, subject: null, line: tok.line, column: tok.column, nodes: [] };
        t.node.branches.push(branch);
        t.current = branch;
        if (tok.kind === 'else') t.elseAt = { line: tok.line, column: tok.column };
        break;
      }
      case 'endif':
        if (t.kind === 'choice') stack.pop();
        else mismatch(DIRECTIVE_TEXT.endif, 'choice', tok, { code: 'report_directive_stray', params: { name: DIRECTIVE_TEXT.endif } });
        break;
    }
  }
  for (const f of stack) {
    if (f.kind === 'root' || f.reported) continue;
    const code = f.kind === 'optional' ? 'report_optional_unclosed' : 'report_if_unclosed';
    problems.add({ error: { code, params: {} }, line: f.node.line, column: f.node.column });
  }
  return root;
}

/** Read a template into blocks; syntax problems are returned with their line and character column, never thrown. */
export function parseTemplate(source: string): ParsedTemplate {
  const text = source.replace(/^\uFEFF/, '');
  const rawLines = text.split(/\r\n|\n|\r/);
  const problems = new Problems();
  const lines = maskComments(rawLines, problems);
  const blocks: TemplateBlock[] = [];
  let para: Token[] | null = null;
  let list: Token[][] | null = null;

  const end = () => {
    if (para && para.length > 0) blocks.push({ kind: 'paragraph', nodes: buildTree(para, problems) });
    if (list && list.length > 0) blocks.push({ kind: 'list', items: list.map((item) => buildTree(item, problems)) });
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
      const tokens = trimTokens(scanLine(line, lead + heading[0].length, lineNo, problems));
      blocks.push({ kind: 'heading', level, nodes: buildTree(tokens, problems) });
      return;
    }
    const bullet = /^[-*][ \t\u3000]+/.exec(rest);
    if (bullet) {
      if (para) end();
      list ??= [];
      list.push(trimTokens(scanLine(line, lead + bullet[0].length, lineNo, problems)));
      return;
    }
    const tokens = trimTokens(scanLine(line, lead, lineNo, problems));
    if (list) {
      // A line right after a list item continues it (Markdown's lazy continuation).
      appendTokens(list[list.length - 1]!, tokens);
      return;
    }
    para ??= [];
    appendTokens(para, tokens);
  });
  end();
  return { blocks, problems: problems.result(), lines: lines.map((l) => l.replaceAll(MASK, ' ')) };
}

/** Trim spaces (also U+3000) at the ends of a line's text and beside `[[`, `]]` and directives (written for legibility). */
function trimTokens(tokens: Token[]): Token[] {
  const isMark = (t: Token | undefined) => t === undefined || (t.kind !== 'text' && t.kind !== 'placeholder');
  tokens.forEach((t, k) => {
    if (t.kind !== 'text') return;
    if (isMark(tokens[k - 1])) t.text = t.text.replace(/^[\s\u3000\u00a0]+/, '');
    if (isMark(tokens[k + 1])) t.text = t.text.replace(/[\s\u3000\u00a0]+$/, '');
  });
  return tokens.filter((t) => t.kind !== 'text' || t.text !== '');
}

/** Every placeholder of some nodes, conditions' subjects included (with the directive's position). */
export function* placeholdersOf(nodes: readonly TemplateNode[]): Generator<TemplatePlaceholder> {
  for (const n of nodes) {
    if (n.kind === 'placeholder') yield n;
    else if (n.kind === 'optional') yield* placeholdersOf(n.nodes);
    else if (n.kind === 'choice') {
      for (const b of n.branches) {
        if (b.subject) yield b.subject;
        yield* placeholdersOf(b.nodes);
      }
    }
  }
}

/** The nodes of every heading, paragraph and list item of a template. */
export function blockNodes(blocks: readonly TemplateBlock[]): TemplateNode[][] {
  return blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.nodes]));
}
