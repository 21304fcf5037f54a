/** Streams large militia_cases.csv files for the bench (valid and all-unique, or runaway variants), without holding them in memory. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const SUBDISTRICTS = ['东城街道', '西城街道', '南关街道', '北苑街道', '新华街道', '文化路街道', '科技园街道', '长兴街道'] as const;
const CASE_TYPES = ['盗窃', '治安纠纷', '电信诈骗', '其他', ''] as const;
const BATCH = 10_000;

/** Every calendar day from 2018-01-01 to 2025-12-31, as YYYY-MM-DD. */
function allDays(): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(2018, 0, 1); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * How a generated file goes wrong: not at all; every row's date impossible (one error per row); or an opening
 * quote that never closes in the first data row (line 2), the rest of the file being valid.
 */
export type CasesVariant = 'valid' | 'bad-dates' | 'stray-quote';

/** Writes `rows` data rows plus the header to `file`; resolves with the byte count. */
export async function generateCases(file: string, rows: number, variant: CasesVariant = 'valid'): Promise<number> {
  const days = allDays();
  const width = Math.max(7, String(rows).length);
  const out = createWriteStream(file, { encoding: 'utf8' });
  out.write('date,subdistrict,case_type,cases,persons,note\n');
  // A cheap LCG spreads values so rows are not in lock-step; the note makes each row unique.
  let seed = 12345;
  for (let start = 0; start < rows; start += BATCH) {
    const end = Math.min(rows, start + BATCH);
    let chunk = '';
    for (let i = start; i < end; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const day = days[seed % days.length];
      const sd = SUBDISTRICTS[i % SUBDISTRICTS.length];
      const type = CASE_TYPES[(seed >>> 8) % CASE_TYPES.length];
      const cases = (seed >>> 12) % 10;
      const persons = cases + ((seed >>> 16) % 4);
      const date = variant === 'bad-dates' ? `${day!.slice(0, 8)}32` : day;
      const where = variant === 'stray-quote' && i === 0 ? `"${sd}` : sd;
      chunk += `${date},${where},${type},${cases},${persons},记录${String(i + 1).padStart(width, '0')}\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}

/** A header, one line of `lineBytes` bytes without a break (a runaway export), then `after` valid rows. */
export async function generateLongLine(file: string, lineBytes: number, after = 10): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  out.write('date,subdistrict,case_type,cases,persons,note\n2024-01-01,');
  const block = 'x'.repeat(1 << 20);
  for (let left = lineBytes; left > 0; left -= block.length) {
    if (!out.write(left >= block.length ? block : block.slice(0, left))) await once(out, 'drain');
  }
  out.write(',盗窃,1,1,\n');
  for (let i = 0; i < after; i++) out.write(`2024-01-0${(i % 9) + 1},东城街道,盗窃,1,1,记录${i}\n`);
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}
