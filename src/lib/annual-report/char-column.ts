/** Character columns of template text: Unicode code points, 1-based (parse-template.ts "Positions"). */

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
export class ColumnCounter {
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
