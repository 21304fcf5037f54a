import { describe, expect, it } from 'vitest';
import { countBreaks, fieldLine, isBlankRow, readCsvText, type CsvProblem } from '../../../../src/lib/data/read/csv.ts';

interface Seen {
  header: [string[], number] | null;
  rows: [string[], number][];
  problems: [CsvProblem, number, number][];
}

function parse(text: string, chunk?: number): Seen {
  const seen: Seen = { header: null, rows: [], problems: [] };
  readCsvText(
    text,
    {
      header: (f, l) => (seen.header = [f, l]),
      row: (f, l) => seen.rows.push([f, l]),
      problem: (c, l, col) => seen.problems.push([c, l, col]),
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

  it('gives the same rows and lines however the text is chunked', () => {
    const text = 'h1,h2,h3\n"a,1","line\nbreak","q""uote"\n\n2,3,4\r\n"x\n\ny",5,6\n7,8,9';
    const whole = parse(text);
    for (const size of [1, 2, 3, 5, 7, 11]) expect(parse(text, size)).toEqual(whole);
    expect(whole.rows.map((r) => r[1])).toEqual([2, 5, 6, 9]);
  });

  it('reports text after a closing quote at the line and position of that field', () => {
    const s = parse('a,b,c\n1,2,3\n3,"国防"教育,5\n');
    expect(s.problems).toEqual([['quote_invalid', 3, 2]]);
    expect(s.rows).toEqual([[['1', '2', '3'], 2]]);
  });

  it('reports an unterminated quote at the line where the row starts', () => {
    const s = parse('a,b\n1,2\n3,"open\n4,5\n');
    expect(s.problems).toEqual([['quote_unterminated', 3, 1]]);
  });

  it('strips a UTF-8 byte order mark before the header', () => {
    expect(parse('\uFEFFyear,x\n2024,1').header).toEqual([['year', 'x'], 1]);
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
