/** Writing the data step's JSON: all files staged first, then renamed into place, so a failure changes nothing. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Write each named file as JSON into `outDir`: temp files first, renames only once every write succeeded. */
export async function writeJsonFiles(outDir: string, files: Record<string, unknown>): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const tag = `.tmp-${process.pid}-${Date.now()}`;
  const staged: [string, string][] = [];
  try {
    for (const [name, value] of Object.entries(files)) {
      const tmp = join(outDir, `${name}${tag}`);
      await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
      staged.push([tmp, join(outDir, name)]);
    }
  } catch (e) {
    await Promise.all(staged.map(([tmp]) => rm(tmp, { force: true })));
    throw e;
  }
  for (const [tmp, dest] of staged) await rename(tmp, dest);
}

/** The data step's outputs of a valid run: summary.json (contract §3), details.json and reports.json (ours). */
export interface DataOutputs {
  summary: unknown;
  details: unknown;
  reports?: unknown;
}

/** Write summary.json, details.json and reports.json atomically into `outDir`. */
export async function writeOutputs(outDir: string, result: DataOutputs): Promise<void> {
  await writeJsonFiles(outDir, {
    'summary.json': result.summary,
    'details.json': result.details,
    'reports.json': result.reports ?? [],
  });
}
