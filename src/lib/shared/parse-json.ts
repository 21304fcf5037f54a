/**
 * JSON text to a value, like `JSON.parse`, but a mistake comes back as a line, a column and a Chinese message an
 * admin can act on (a missing comma, a trailing comma, Chinese punctuation, single quotes, a comment), and every
 * object member's key and value position is kept so later checks can point at the exact place.
 */

/** 1-based line and column (UTF-16 code units after the line start, + 1). */
export interface TextPosition {
  line: number;
  column: number;
}

/** Messages of syntax errors: `{name}` is replaced by the parameter of that name. */
export const JSON_MESSAGES = {
  empty: { zh: '文件是空的：至少应写 {}', en: 'empty file' },
  expected_value: { zh: '不是合法的 JSON：此处应为一个值（如 "文字"、数字、true 或 false），实际为{found}', en: 'expected a value' },
  expected_key: { zh: '不是合法的 JSON：此处应为用英文双引号括起的设置项名称（如 "district"），实际为{found}', en: 'expected a quoted key' },
  expected_colon: { zh: '不是合法的 JSON：设置项名称后应为英文冒号“:”，实际为{found}', en: 'expected a colon after the key' },
  expected_comma: { zh: '不是合法的 JSON：此处应为英文逗号“,”或“{close}”，实际为{found}', en: 'expected a comma or the closing bracket' },
  missing_comma: {
    zh: '不是合法的 JSON：此处应为英文逗号“,”或“{close}”，实际为{found}：上一行末尾是否少了逗号？',
    en: 'expected a comma: probably missing at the end of the previous line',
  },
  trailing_comma: { zh: '不是合法的 JSON：“{close}”前多了一个逗号：最后一项后面不能有逗号', en: 'trailing comma' },
  fullwidth: {
    zh: '不是合法的 JSON：此处是中文标点“{char}”，JSON 只认英文标点（应为“{ascii}”）：请切换到英文输入法重新输入',
    en: 'Chinese (full-width) punctuation instead of ASCII',
  },
  single_quote: { zh: '不是合法的 JSON：文字须用英文双引号 " 括起，不能用单引号', en: 'single-quoted string' },
  comment: { zh: '不是合法的 JSON：JSON 不支持注释（// 或 /* */）：请删除注释', en: 'comments are not JSON' },
  unterminated_string: { zh: '不是合法的 JSON：这段文字没有结束的英文双引号', en: 'unterminated string' },
  string_newline: { zh: '不是合法的 JSON：文字中间不能直接换行：请写在同一行内', en: 'line break inside a string' },
  string_control: { zh: '不是合法的 JSON：文字中有不可见的控制字符（U+{code}）：请删除', en: 'control character inside a string' },
  bad_escape: {
    zh: '不是合法的 JSON：反斜杠 \\ 后的“{char}”不是合法的转义：文字中的 \\ 请写成 \\\\（路径也可改用 /）',
    en: 'invalid escape sequence',
  },
  bad_number: { zh: '不是合法的 JSON：数字“{text}”格式有误', en: 'malformed number' },
  unexpected_end: { zh: '不是合法的 JSON：文件在此意外结束，缺少“{close}”', en: 'unexpected end of file' },
  extra: { zh: '不是合法的 JSON：内容已经结束，后面又多出了{found}', en: 'text after the end of the value' },
  too_deep: { zh: '不是合法的 JSON：嵌套超过 {limit} 层', en: 'nested too deeply' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type JsonCode = keyof typeof JSON_MESSAGES;

export interface JsonSyntaxError extends TextPosition {
  code: JsonCode;
  /** The Chinese message, parameters filled in. */
  message: string;
}

/** Where one object member sits: its key and the start of its value. */
export interface MemberPosition {
  key: TextPosition;
  value: TextPosition;
}

export type JsonParse =
  | {
      ok: true;
      value: unknown;
      /** Start of the root value. */
      root: TextPosition;
      /** Every member of every object, by JSON pointer (`/district`, `/a/0/b`); a repeated key keeps its first place. */
      members: Map<string, MemberPosition>;
      /** Members whose key already appeared in the same object: pointer and the later position. */
      repeated: { pointer: string; key: string; at: MemberPosition; first: MemberPosition }[];
    }
  | { ok: false; error: JsonSyntaxError };

/** More nested arrays and objects than this are refused rather than overflowing the stack on a hostile file. */
export const MAX_DEPTH = 256;

/** Chinese and full-width punctuation an IME types in place of JSON's own. */
const FULLWIDTH: Readonly<Record<string, string>> = {
  '“': '"', '”': '"', '‘': '"', '’': '"', '，': ',', '：': ':', '｛': '{', '｝': '}', '［': '[', '］': ']', '【': '[', '】': ']',
};

class Fail extends Error {
  constructor(
    readonly at: number,
    readonly code: JsonCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(code);
  }
}

const isWs = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const escapePointer = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Parse JSON text (a BOM must already be removed); never throws. */
export function parseJson(text: string): JsonParse {
  let i = 0;
  const members = new Map<string, MemberPosition>();
  const repeated: { pointer: string; key: string; at: MemberPosition; first: MemberPosition }[] = [];
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) lineStarts.push(k + 1);
  }
  const pos = (at: number): TextPosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - lineStarts[lo]! + 1 };
  };

  /** What is at `at`, in words: `“x”`, 换行, or 文件末尾. */
  const found = (at: number): string => {
    if (at >= text.length) return '文件末尾';
    const c = text.codePointAt(at)!;
    if (c === 0x0a || c === 0x0d) return '换行';
    if (c < 0x20) return `控制字符 U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    return `“${String.fromCodePoint(c)}”`;
  };
  /** The common slips first: Chinese punctuation, a single quote, a comment; else `code`. */
  const unexpected = (at: number, code: JsonCode, params: Record<string, string> = {}): Fail => {
    const ch = text[at] ?? '';
    if (ch in FULLWIDTH) return new Fail(at, 'fullwidth', { char: ch, ascii: FULLWIDTH[ch]! });
    if (ch === "'") return new Fail(at, 'single_quote');
    if (ch === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) return new Fail(at, 'comment');
    return new Fail(at, code, { ...params, found: found(at) });
  };
  const skipWs = (): void => {
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
    for (;;) {
      if (i >= text.length) throw new Fail(start, 'unterminated_string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c === 0x0a || c === 0x0d) throw new Fail(i, 'string_newline');
      if (c < 0x20) throw new Fail(i, 'string_control', { code: c.toString(16).toUpperCase().padStart(4, '0') });
      if (c === 0x5c) {
        out += text.slice(run, i);
        const e = text[i + 1];
        if (e === undefined) throw new Fail(start, 'unterminated_string');
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          throw new Fail(i, 'bad_escape', { char: e === 'u' ? text.slice(i + 1, i + 6) : String.fromCodePoint(text.codePointAt(i + 1)!) });
        }
        run = i;
        continue;
      }
      i++;
    }
  };

  const parseNumber = (): number => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    const word = /^[-+\w.]+/.exec(text.slice(i, i + 400))?.[0] ?? text[i]!;
    if (!m || m[0].length < word.length) throw new Fail(i, 'bad_number', { text: word });
    i += m[0].length;
    return Number(m[0]);
  };

  const parseValue = (pointer: string, depth: number): unknown => {
    if (depth >= MAX_DEPTH) throw new Fail(i, 'too_deep', { limit: MAX_DEPTH });
    skipWs();
    if (i >= text.length) throw new Fail(i, 'expected_value', { found: found(i) });
    const c = text[i]!;
    if (c === '{') return parseObject(pointer, depth);
    if (c === '[') return parseArray(pointer, depth);
    if (c === '"') return parseString();
    if (c === '-' || (c >= '0' && c <= '9')) return parseNumber();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    throw unexpected(i, 'expected_value');
  };

  /** After an item: `,` then more, or the closing bracket. Returns true when closed. */
  const afterItem = (close: '}' | ']', lastEnd: number): boolean => {
    skipWs();
    if (i >= text.length) throw new Fail(i, 'unexpected_end', { close });
    if (text[i] === close) {
      i++;
      return true;
    }
    if (text[i] === ',') {
      const comma = i;
      i++;
      skipWs();
      if (text[i] === close) throw new Fail(comma, 'trailing_comma', { close });
      return false;
    }
    // A new line between the last item and here: the classic missing comma at the end of a line.
    const code: JsonCode = /[\r\n]/.test(text.slice(lastEnd, i)) ? 'missing_comma' : 'expected_comma';
    throw unexpected(i, code, { close });
  };

  const parseObject = (pointer: string, depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    i++; // {
    skipWs();
    if (text[i] === '}') {
      i++;
      return obj;
    }
    for (;;) {
      skipWs();
      if (i >= text.length) throw new Fail(i, 'unexpected_end', { close: '}' });
      if (text[i] !== '"') throw unexpected(i, 'expected_key');
      const keyAt = i;
      const key = parseString();
      skipWs();
      if (text[i] !== ':') throw i >= text.length ? new Fail(i, 'unexpected_end', { close: '}' }) : unexpected(i, 'expected_colon');
      i++;
      skipWs();
      const valueAt = i;
      const child = `${pointer}/${escapePointer(key)}`;
      const value = parseValue(child, depth + 1);
      const at: MemberPosition = { key: pos(keyAt), value: pos(valueAt) };
      const first = members.get(child);
      if (first !== undefined && Object.prototype.hasOwnProperty.call(obj, key)) repeated.push({ pointer: child, key, at, first });
      else members.set(child, at);
      // defineProperty: a key named __proto__ is data, as with JSON.parse, never the prototype.
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      if (afterItem('}', i)) return obj;
    }
  };

  const parseArray = (pointer: string, depth: number): unknown[] => {
    const arr: unknown[] = [];
    i++; // [
    skipWs();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    for (;;) {
      skipWs();
      if (i >= text.length) throw new Fail(i, 'unexpected_end', { close: ']' });
      arr.push(parseValue(`${pointer}/${arr.length}`, depth + 1));
      if (afterItem(']', i)) return arr;
    }
  };

  try {
    skipWs();
    if (i >= text.length) throw new Fail(i, 'empty');
    const rootAt = i;
    const value = parseValue('', 0);
    skipWs();
    if (i < text.length) throw unexpected(i, 'extra');
    return { ok: true, value, root: pos(rootAt), members, repeated };
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    const template: string = JSON_MESSAGES[e.code].zh;
    const message = template.replace(/\{(\w+)\}/g, (_, k: string) => String(e.params[k] ?? `{${k}}`));
    return { ok: false, error: { ...pos(e.at), code: e.code, message } };
  }
}
