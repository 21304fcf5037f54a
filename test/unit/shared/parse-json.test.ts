import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_DEPTH, parseJson } from '../../../src/lib/shared/parse-json.ts';

/** `line:column: message` of a failed parse, or the value of a good one. */
function outcome(text: string): string | unknown {
  const r = parseJson(text);
  return r.ok ? r.value : `${r.error.line}:${r.error.column}: ${r.error.message}`;
}

describe('parseJson', () => {
  it.each([
    ['{}', {}],
    ['  {"a": 1, "b": [true, false, null], "c": {"d": "文字"}}\n', { a: 1, b: [true, false, null], c: { d: '文字' } }],
    ['"\\u4e2d\\n\\t\\"\\\\\\/"', '中\n\t"\\/'],
    ['-0.5e+2', -50],
    ['[]', []],
  ])('reads %j as JSON.parse does', (text, value) => {
    expect(outcome(text)).toEqual(value);
    expect(outcome(text)).toEqual(JSON.parse(text));
  });

  it.each([
    ['', '1:1: 文件是空的：至少应写 {}'],
    ['  \n ', '2:2: 文件是空的：至少应写 {}'],
    ['{\n  "district": "示例区"\n  "base": "/"\n}', '3:3: 不是合法的 JSON：此处应为英文逗号“,”或“}”，实际为“"”：上一行末尾是否少了逗号？'],
    ['{"a": 1 "b": 2}', '1:9: 不是合法的 JSON：此处应为英文逗号“,”或“}”，实际为“"”'],
    ['{\n  "a": 1,\n}', '2:9: 不是合法的 JSON：“}”前多了一个逗号：最后一项后面不能有逗号'],
    ['[1, 2, ]', '1:6: 不是合法的 JSON：“]”前多了一个逗号：最后一项后面不能有逗号'],
    ['{"district"："示例区"}', '1:12: 不是合法的 JSON：此处是中文标点“：”，JSON 只认英文标点（应为“:”）：请切换到英文输入法重新输入'],
    ['{“district”: 1}', '1:2: 不是合法的 JSON：此处是中文标点““”，JSON 只认英文标点（应为“"”）：请切换到英文输入法重新输入'],
    ['{"a": 1，"b": 2}', '1:8: 不是合法的 JSON：此处是中文标点“，”，JSON 只认英文标点（应为“,”）：请切换到英文输入法重新输入'],
    ["{'a': 1}", '1:2: 不是合法的 JSON：文字须用英文双引号 " 括起，不能用单引号'],
    ['{"a": 1 // 区名\n}', '1:9: 不是合法的 JSON：JSON 不支持注释（// 或 /* */）：请删除注释'],
    ['{"a": "示例区}', '1:7: 不是合法的 JSON：这段文字没有结束的英文双引号'],
    ['{"a": "示例\n区"}', '1:10: 不是合法的 JSON：文字中间不能直接换行：请写在同一行内'],
    ['{"a": "x\u0001"}', '1:9: 不是合法的 JSON：文字中有不可见的控制字符（U+0001）：请删除'],
    ['{"a": "C:\\data"}', '1:10: 不是合法的 JSON：反斜杠 \\ 后的“d”不是合法的转义：文字中的 \\ 请写成 \\\\（路径也可改用 /）'],
    ['{"a": 01}', '1:7: 不是合法的 JSON：数字“01”格式有误'],
    ['{"a": 1.}', '1:7: 不是合法的 JSON：数字“1.”格式有误'],
    ['{"a": yes}', '1:7: 不是合法的 JSON：此处应为一个值（如 "文字"、数字、true 或 false），实际为“y”'],
    ['{"a": True}', '1:7: 不是合法的 JSON：此处应为一个值（如 "文字"、数字、true 或 false），实际为“T”'],
    ['{"a": 1', '1:8: 不是合法的 JSON：文件在此意外结束，缺少“}”'],
    ['{"a": [1, 2', '1:12: 不是合法的 JSON：文件在此意外结束，缺少“]”'],
    ['{"a": ', '1:7: 不是合法的 JSON：此处应为一个值（如 "文字"、数字、true 或 false），实际为文件末尾'],
    ['{a: 1}', '1:2: 不是合法的 JSON：此处应为用英文双引号括起的设置项名称（如 "district"），实际为“a”'],
    ['{"a" 1}', '1:6: 不是合法的 JSON：设置项名称后应为英文冒号“:”，实际为“1”'],
    ['{"a": 1}\n{"b": 2}', '2:1: 不是合法的 JSON：内容已经结束，后面又多出了“{”'],
    ['\r\n\r\n{"a": 1,,}', '3:9: 不是合法的 JSON：此处应为用英文双引号括起的设置项名称（如 "district"），实际为“,”'],
  ])('reports %j at its line and column in Chinese', (text, expected) => {
    expect(outcome(text)).toBe(expected);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('refuses nesting deeper than MAX_DEPTH instead of overflowing the stack', () => {
    const nest = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseJson(nest(MAX_DEPTH)).ok).toBe(true);
    expect(outcome(nest(MAX_DEPTH + 1))).toBe(`1:${MAX_DEPTH + 1}: 不是合法的 JSON：嵌套超过 ${MAX_DEPTH} 层`);
    expect(outcome('['.repeat(100_000))).toMatch(/嵌套超过/);
  });

  it('keeps the position of every member key and value, and each repeated key with its first place', () => {
    const r = parseJson('{\n  "base": "/",\n  "nested": {"x": [1, {"y": 2}]},\n  "base": "/zt/"\n}');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.root).toEqual({ line: 1, column: 1 });
    expect(r.members.get('/base')).toEqual({ key: { line: 2, column: 3 }, value: { line: 2, column: 11 } });
    expect(r.members.get('/nested/x/1/y')).toEqual({ key: { line: 3, column: 24 }, value: { line: 3, column: 29 } });
    expect(r.repeated).toEqual([
      { pointer: '/base', key: 'base', at: { key: { line: 4, column: 3 }, value: { line: 4, column: 11 } }, first: r.members.get('/base') },
    ]);
    expect(r.value).toEqual({ base: '/zt/', nested: { x: [1, { y: 2 }] } });
  });

  it('keeps a key named __proto__ as data, as JSON.parse does', () => {
    const r = parseJson('{"__proto__": {"polluted": true}}');
    expect(r.ok && Object.keys(r.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('agrees with JSON.parse on every JSON value, however it is spaced', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(outcome(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('fails exactly when JSON.parse fails, on JSON text with one character changed', () => {
    const alphabet = [...'{}[]:,"\\ \n0123456789-.eEtruefalsn/\'“”，：x'];
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom(...alphabet), (text, at, ch) => {
        const i = at % (text.length + 1);
        const changed = text.slice(0, i) + ch + text.slice(i + 1);
        let accepted = true;
        try {
          JSON.parse(changed);
        } catch {
          accepted = false;
        }
        expect(parseJson(changed).ok).toBe(accepted);
      }),
      { numRuns: 1000 },
    );
  });
});
