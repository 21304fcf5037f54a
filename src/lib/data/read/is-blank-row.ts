import { trimCell } from './values.ts';

/** A blank line: empty, only spaces, or only commas and spaces (what Excel writes for a cleared row). */
export function isBlankRow(fields: readonly string[]): boolean {
  const first = fields[0]!;
  if (first !== '' && trimCell(first) !== '') return false;
  for (let i = 1; i < fields.length; i++) {
    const f = fields[i]!;
    if (f !== '' && trimCell(f) !== '') return false;
  }
  return true;
}
