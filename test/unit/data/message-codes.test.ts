/**
 * Message codes are typed: a misspelt code is a compile error (each `@ts-expect-error` below fails `npm run typecheck`
 * when the line after it compiles), and every code of the catalog has its Chinese text and English gloss.
 */
import { describe, expect, it } from 'vitest';
import { PLAIN_MESSAGES, VALUE_MESSAGES, plainMessage, valueMessage } from '../../../src/lib/data/messages.ts';
import { IssueLog } from '../../../src/lib/data/validate.ts';
import { ValueError } from '../../../src/lib/data/read/values.ts';
import { CONFIG_MESSAGES } from '../../../src/lib/shared/config.ts';
import { JSON_MESSAGES } from '../../../src/lib/shared/parse-json.ts';

describe('message codes', () => {
  it('refuses a misspelt code at compile time', () => {
    // @ts-expect-error 'year_fromat' is not a ValueCode
    expect(() => valueMessage('year_fromat', '年度', 'year', {})).toThrow(TypeError);
    // @ts-expect-error 'empty_fiel' is not a PlainCode
    expect(() => plainMessage('empty_fiel')).toThrow(TypeError);
    // @ts-expect-error 'integer_fromat' is not a ValueCode
    expect(new ValueError('integer_fromat').code).toBe('integer_fromat');
    const log = new IssueLog('data/x.csv');
    // @ts-expect-error 'requird' is not a ValueCode
    expect(() => log.value('requird', 2, 1, '年度', 'year', {})).toThrow(TypeError);
    // @ts-expect-error 'read_faild' is not a PlainCode
    expect(() => log.plain('error', 'read_faild', 1, 1)).toThrow(TypeError);
  });

  it('fills a value message after the column, and a plain message as it is', () => {
    expect(valueMessage('integer_format', '查处案件数', 'cases', { value: 'abc' })).toBe('列“查处案件数”(cases) 应为非负整数，实际为“abc”');
    expect(plainMessage('duplicate_row', { line: 3 })).toBe('此行与第 3 行完全相同（重复录入？），两行都已计入');
  });

  it('gives every code of every catalog a Chinese text and an English gloss', () => {
    for (const catalog of [VALUE_MESSAGES, PLAIN_MESSAGES, CONFIG_MESSAGES, JSON_MESSAGES]) {
      for (const [code, m] of Object.entries(catalog)) {
        expect(m.zh, code).toMatch(/\p{Script=Han}/u);
        expect(m.en, code).toMatch(/^[^\p{Script=Han}]*[a-z][^\p{Script=Han}]*$/u);
      }
    }
  });
});
