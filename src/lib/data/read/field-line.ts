/** Physical line numbers of fields: quoted line breaks inside a row shift the fields after them. */

/** Line breaks inside a field's text (CRLF, LF or CR each count once). */
export function countBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (s.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** The physical line a field starts on, given the line its row starts on (quoted line breaks in earlier fields shift it). */
export function fieldLine(fields: readonly string[], rowLine: number, index: number): number {
  let line = rowLine;
  for (let i = 0; i < index && i < fields.length; i++) {
    const f = fields[i]!;
    if (f.indexOf('\n') !== -1 || f.indexOf('\r') !== -1) line += countBreaks(f);
  }
  return line;
}
