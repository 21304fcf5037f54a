/**
 * The directives of the report template's choice form:
 *
 *   {{#if streak >= 2}}已连续{{ streak }}被评为…{{#elif streak = 1}}被评为…{{#else}}…{{/if}}
 *
 * `{{#if 条件}}`, `{{#elif 条件}}`, `{{#else}}` and `{{/if}}` (or 如果, 否则如果, 否则, /如果). A condition is a
 * placeholder (the same text as inside `{{ }}`: `streak`, `militia.cases @-1`, `funding.total | yoy`) alone,
 * which holds when the figure has data, or followed by a comparison with a number (`>=`, `>`, `<=`, `<`, `=`,
 * `!=`; full-width ＞＜＝ and ≥≤≠ too), which holds when the figure has data and compares true. A `| yoy`
 * figure compares as a percentage (`funding.total | yoy > 0`). The streak compares as a number of years, 0 when
 * there is no streak.
 */
import { foldWidth, parsePlaceholder, type Placeholder, type PlaceholderError } from './parse-placeholder.ts';

export type CompareOp = '>=' | '>' | '<=' | '<' | '=' | '!=';

export interface Condition {
  subject: Placeholder;
  /** Null: the condition holds when the figure has data. */
  op: CompareOp | null;
  /** The number compared with; null without an operator. */
  value: number | null;
}

export type DirectiveName = 'if' | 'elif' | 'else' | 'endif';

export type DirectiveError =
  | PlaceholderError
  | { code: 'report_unknown_directive'; params: { name: string } }
  | { code: 'report_condition_missing'; params: { name: string } }
  | { code: 'report_condition_extra'; params: { name: string; text: string } }
  | { code: 'report_condition_bad_value'; params: { op: string; value: string } }
  | { code: 'report_condition_not_numeric'; params: { ref: string } };

export type ParsedDirective =
  | { ok: true; name: DirectiveName; condition: Condition | null }
  /** `name` is known when only the condition is wrong, so the directive still pairs with its `{{/if}}`. */
  | { ok: false; name: DirectiveName | null; error: DirectiveError };

const NAMES: Record<string, DirectiveName> = {
  '#if': 'if',
  '#如果': 'if',
  '#elif': 'elif',
  '#否则如果': 'elif',
  '#else': 'else',
  '#否则': 'else',
  '/if': 'endif',
  '/如果': 'endif',
};

/** The name of each directive as the messages write it. */
export const DIRECTIVE_TEXT: Record<DirectiveName, string> = {
  if: '{{#if}}',
  elif: '{{#elif}}',
  else: '{{#else}}',
  endif: '{{/if}}',
};

/** True when the text inside `{{ }}` is a directive (starts with `#` or `/`), not a placeholder. */
export function isDirective(inner: string): boolean {
  return /^[#＃/／]/.test(inner.trimStart().replace(/^\u3000+/, ''));
}

function foldOperators(s: string): string {
  return s.replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/≠/g, '!=').replace(/＞/g, '>').replace(/＜/g, '<').replace(/＝/g, '=').replace(/！/g, '!');
}

/** Parse the text between `{{` and `}}` of a directive: its name and, for if/elif, its condition. */
export function parseDirective(inner: string): ParsedDirective {
  const text = foldOperators(foldWidth(inner)).trim().replace(/^＃/, '#').replace(/^／/, '/');
  const m = /^([#/])\s*([^\s<>=!]*)\s*([\s\S]*)$/.exec(text);
  const written = m ? `${m[1]}${m[2]}` : text;
  const name = NAMES[written.toLowerCase()];
  if (!m || !name) return { ok: false, name: null, error: { code: 'report_unknown_directive', params: { name: written } } };
  const rest = (m[3] ?? '').trim();
  if (name === 'else' || name === 'endif') {
    if (rest !== '') return { ok: false, name, error: { code: 'report_condition_extra', params: { name: `{{${written}}}`, text: rest } } };
    return { ok: true, name, condition: null };
  }
  if (rest === '') return { ok: false, name, error: { code: 'report_condition_missing', params: { name: `{{${written} …}}` } } };
  const c = parseCondition(rest);
  return c.ok ? { ok: true, name, condition: c.condition } : { ok: false, name, error: c.error };
}

function parseCondition(text: string): { ok: true; condition: Condition } | { ok: false; error: DirectiveError } {
  const at = text.search(/[<>=!]/);
  const subjectText = at < 0 ? text : text.slice(0, at);
  let op: CompareOp | null = null;
  let value: number | null = null;
  if (at >= 0) {
    const rest = text.slice(at);
    const om = /^(>=|<=|!=|==|=|>|<)\s*([\s\S]*)$/.exec(rest);
    const opText = om?.[1] ?? rest.slice(0, 2);
    const valueText = (om?.[2] ?? '').trim();
    if (!om || !/^-?\d+(\.\d+)?$/.test(valueText)) {
      return { ok: false, error: { code: 'report_condition_bad_value', params: { op: opText, value: om ? valueText : rest } } };
    }
    op = (om[1] === '==' ? '=' : om[1]) as CompareOp;
    value = Number(valueText);
  }
  const p = parsePlaceholder(subjectText);
  if (!p.ok) return p;
  const ref = p.placeholder.ref;
  if (ref.kind === 'district' || (ref.kind === 'streak' && ref.field === 'title')) {
    return { ok: false, error: { code: 'report_condition_not_numeric', params: { ref: ref.kind === 'district' ? 'district' : 'streak.title' } } };
  }
  return { ok: true, condition: { subject: p.placeholder, op, value } };
}

/** Whether `a op b` holds. */
export function compare(a: number, op: CompareOp, b: number): boolean {
  switch (op) {
    case '>=':
      return a >= b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '<':
      return a < b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}
