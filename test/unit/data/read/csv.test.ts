import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ROW_CHARS, countBreaks, fieldLine, isBlankRow, readCsvText } from '../../../../src/lib/data/read/csv.ts';

interface Seen {
  header: [string[], number] | null;
  rows: [string[], number][];
  problems: string[];
  dropped: [number, boolean][];
}

function parse(text: string, chunk?: number): Seen {
  const seen: Seen = { header: null, rows: [], problems: [], dropped: [] };
  readCsvText(
    text,
    {
      header: (f, l) => (seen.header = [f, l]),
      row: (f, l) => seen.rows.push([f, l]),
      problem: (sev, code, l, col, params) => seen.problems.push(`${l}:${col} ${sev} ${code}${params ? ` ${JSON.stringify(params)}` : ''}`),
      dropped: (l, h) => seen.dropped.push([l, h]),
    },
    chunk,
  );
  return seen;
}

describe('readCsvText', () => {
  it('numbers rows by physical line, skipping blank lines and counting quoted line breaks', () => {
    const s = parse('a,b\r\n\r\n1,"x\r\ny"\r\n , \r\n,,\r\n2,z\r\n');
    expect(s.header).toEqual([['a', 'b'], 1]);
    expect(s.rows).toEqual([
      [['1', 'x\r\ny'], 3],
      [['2', 'z'], 7],
    ]);
  });

  it('takes the first non-blank line as the header', () => {
    expect(parse('\n\na,b\n1,2').header).toEqual([['a', 'b'], 3]);
  });

  it('reads a file without a final newline and one with LF only the same way', () => {
    expect(parse('a\n1\n2').rows).toEqual(parse('a\n1\n2\n').rows);
  });

  it('ends rows at CRLF, LF and a lone CR alike', () => {
    expect(parse('a,b\r1,2\r\n3,4\n5,6\r').rows).toEqual([
      [['1', '2'], 2],
      [['3', '4'], 3],
      [['5', '6'], 4],
    ]);
  });

  it('gives the same rows, lines and problems however the text is chunked', () => {
    const text =
      'h1,h2,h3\n"a,1","line\nbreak","q""uote"\n\n2,3,4\r\n"x\n\ny",5,6\n7,"国防"教育,9\n"z\u200b",\u0007,8\r\n7,8,9\n"open\n10,11,12';
    const whole = parse(text);
    for (const size of [1, 2, 3, 5, 7, 11]) expect(parse(text, size)).toEqual(whole);
    expect(whole.rows.map((r) => r[1])).toEqual([2, 5, 6, 11, 13]);
    expect(whole.problems).toEqual([
      '9:2 error quote_invalid',
      '10:1 warning invisible_removed {"chars":"U+200B（零宽空格）"}',
      '10:2 error control_char {"chars":"U+0007"}',
      '12:1 error quote_unterminated',
    ]);
  });

  it('accepts spaces between a closing quote and the next comma', () => {
    expect(parse('a,b\n"x" ,y\n').rows).toEqual([[['x', 'y'], 2]]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parse('a,b\nx"y,z\n').rows).toEqual([[['x"y', 'z'], 2]]);
  });
});

describe('text after a closing quote (contract 1.1)', () => {
  it('reports the field at its line and position, drops the row and reads on', () => {
    const s = parse('a,b,c\n1,2,3\n3,"国防"教育,5\n4,5,6\n');
    expect(s.problems).toEqual(['3:2 error quote_invalid']);
    expect(s.dropped).toEqual([[3, false]]);
    expect(s.rows).toEqual([
      [['1', '2', '3'], 2],
      [['4', '5', '6'], 4],
    ]);
  });

  it('runs the bad field to the next comma, so the rest of its row splits as usual', () => {
    const s = parse('a,b,c\n"x"y"z,"q\nr",w\n"ok","multi\nline","x"z\n');
    expect(s.problems).toEqual(['2:1 error quote_invalid', '5:3 error quote_invalid']);
    expect(s.rows).toEqual([]);
    expect(s.dropped).toEqual([
      [2, false],
      [4, false],
    ]);
  });

  it('puts a later problem inside a multi-line quoted field at the line where that field starts', () => {
    const s = parse('a,b,c\n1,"a"b,2\n"p\nq","r\ns","t"u\n');
    expect(s.problems).toEqual(['2:2 error quote_invalid', '5:3 error quote_invalid']);
  });

  it('treats a broken header like any row: reported, and no row is then delivered as data', () => {
    const s = parse('"年度"x,金额\n2024,1\n');
    expect(s.problems).toEqual(['1:1 error quote_invalid']);
    expect(s.dropped).toEqual([[1, true]]);
    expect(s.header).toBeNull();
    expect(s.rows).toEqual([[['2024', '1'], 2]]);
  });
});

describe('unterminated and overlong input', () => {
  it('reports an unterminated quote at the line where the row starts and reads the lines after the quote', () => {
    const s = parse('a,b\n1,2\n3,"open\n4,5\n');
    expect(s.problems).toEqual(['3:1 error quote_unterminated']);
    expect(s.rows).toEqual([
      [['1', '2'], 2],
      [['4', '5'], 4],
    ]);
  });

  it('refuses a line over 1 MB at its line and reads on after it', () => {
    const s = parse(`a,b\n1,2\n${'x'.repeat(MAX_ROW_CHARS + 1)},3\n4,5\n`);
    expect(s.problems).toEqual(['3:1 error row_too_long {"limit":"1 MB"}']);
    expect(s.rows).toEqual([
      [['1', '2'], 2],
      [['4', '5'], 4],
    ]);
  });

  it('refuses a row of a million fields as too long', () => {
    const s = parse(`a,b\n${','.repeat(MAX_ROW_CHARS + 1)}\n4,5\n`);
    expect(s.problems).toEqual(['2:1 error row_too_long {"limit":"1 MB"}']);
    expect(s.rows).toEqual([[['4', '5'], 3]]);
  });

  it('stops a quoted field at 1 MB as a likely missing quote, at its line and position, and resumes on the next line', () => {
    const body = Array.from({ length: 150_000 }, (_, i) => `${i},国防教育`).join('\n');
    const s = parse(`a,b\n1,"stray\n${body}\n`);
    expect(s.problems).toEqual(['2:2 error quote_too_long {"limit":"1 MB"}']);
    expect(s.rows.length).toBe(150_000);
    expect(s.rows[0]).toEqual([['0', '国防教育'], 3]);
    expect(s.rows[149_999]).toEqual([['149999', '国防教育'], 150_002]);
  });

  it('accepts a quoted field just under the limit', () => {
    const big = 'y'.repeat(MAX_ROW_CHARS - 10);
    expect(parse(`a,b\n1,"${big}"\n`).rows).toEqual([[['1', big], 2]]);
  });
});

describe('invisible characters (one rule, in the reader)', () => {
  it('removes zero-width characters and a BOM inside fields, with a warning at the field', () => {
    const s = parse('类别,金额\n民兵\u200b整组,1\n\ufeff民兵整组\u2060,2\n');
    expect(s.rows).toEqual([
      [['民兵整组', '1'], 2],
      [['民兵整组', '2'], 3],
    ]);
    expect(s.problems).toEqual([
      '2:1 warning invisible_removed {"chars":"U+200B（零宽空格）"}',
      '3:1 warning invisible_removed {"chars":"U+FEFF（字节顺序标记 BOM）、U+2060（零宽不换行符）"}',
    ]);
  });

  it('cleans header cells the same way', () => {
    expect(parse('year\u200c,amount\n').header).toEqual([['year', 'amount'], 1]);
  });

  it('refuses control and bidirectional characters, dropping the row', () => {
    const s = parse('a,b\nx\u0000,1\n"m\nn",\u202eevil\n\u0085,2\nok\t tab,3\n');
    expect(s.problems).toEqual([
      '2:1 error control_char {"chars":"U+0000"}',
      '4:2 error control_char {"chars":"U+202E"}',
      '5:1 error control_char {"chars":"U+0085"}',
    ]);
    expect(s.rows).toEqual([[['ok\t tab', '3'], 6]]);
  });
});

describe('reader against a generated oracle', () => {
  const cell = fc.stringOf(fc.constantFrom('a', '中', ' ', ',', '"', '\n', '\r\n', '1'), { maxLength: 6 });
  const needsQuotes = (f: string) => /[",\r\n]/.test(f) || f.startsWith('"');
  it('returns every generated row with its fields and first line, for any chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 9 }),
        (rows, nl, chunk) => {
          const kept = rows.filter((r) => !isBlankRow(r));
          const all = [['h1', 'h2', 'h3'], ...kept];
          const text = all.map((r) => r.map((f) => (needsQuotes(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',')).join(nl) + nl;
          const lines: number[] = [];
          let line = 1;
          for (const r of all) {
            lines.push(line);
            line += 1 + r.reduce((n, f) => n + countBreaks(f), 0);
          }
          const s = parse(text, chunk);
          expect(s.problems).toEqual([]);
          expect(s.header).toEqual([all[0], 1]);
          expect(s.rows).toEqual(kept.map((r, k) => [r, lines[k + 1]]));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('line helpers', () => {
  it('counts CRLF, LF and CR each as one line break', () => {
    expect(countBreaks('a\r\nb\nc\rd')).toBe(3);
  });

  it('puts a field after a multi-line field on a later line', () => {
    expect(fieldLine(['x', 'a\nb\nc', 'y'], 10, 2)).toBe(12);
    expect(fieldLine(['x', 'a\nb\nc', 'y'], 10, 1)).toBe(10);
  });

  it('treats empty, space-only and comma-only rows as blank', () => {
    expect(isBlankRow([''])).toBe(true);
    expect(isBlankRow([' ', '\u3000', ''])).toBe(true);
    expect(isBlankRow(['', '0'])).toBe(false);
  });
});
