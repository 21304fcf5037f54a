/**
 * `npm run data -- [--data-dir DIR] [--out-dir DIR] [--check]`
 * Validates every CSV, prints one line per problem, and writes summary.json (+ details.json) only when all is valid.
 * Exit: 0 valid (warnings allowed), 1 invalid data, 2 bad usage.
 */
import { performance } from 'node:perf_hooks';
import { dataDirProblem, runPipeline } from '../src/lib/data/pipeline.ts';
import { writeOutputs } from '../src/lib/data/write-json.ts';
import { formatIssue } from '../src/lib/data/issues.ts';
import { DEFAULT_OUT_DIR } from '../src/lib/site/site-data.ts';
import { formatFileReport } from '../src/lib/data/file-counts.ts';
import { readArgs, usageError } from '../src/lib/cli/args.ts';

const USAGE = '用法：npm run data -- [--data-dir 数据目录] [--out-dir 输出目录] [--check]';

function parseArgs(argv: string[]): { dataDir: string; outDir: string; check: boolean } {
  const a = readArgs(argv, { 'data-dir': 'value', 'out-dir': 'value', check: 'flag' }, USAGE);
  const dataDir = typeof a['data-dir'] === 'string' ? a['data-dir'] : 'data';
  const outDir = typeof a['out-dir'] === 'string' ? a['out-dir'] : DEFAULT_OUT_DIR;
  const dirProblem = dataDirProblem(dataDir);
  if (dirProblem) usageError(dirProblem, USAGE);
  return { dataDir, outDir, check: a.check === true };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { dataDir, outDir, check } = parseArgs(process.argv.slice(2));
  const result = await runPipeline({ dataDir });
  for (const issue of result.issues) process.stdout.write(`${formatIssue(issue)}\n`);
  for (const f of result.files) process.stdout.write(`${formatFileReport(f)}\n`);
  const { errors, warnings } = result.counts;
  const secs = ((performance.now() - t0) / 1000).toFixed(2);
  if (!result.ok) {
    process.stdout.write(`校验未通过：${errors} 个错误，${warnings} 个警告。输出目录 ${outDir} 未做任何改动。（用时 ${secs} 秒）\n`);
    process.exit(1);
  }
  if (check) {
    process.stdout.write(`校验通过：${warnings} 个警告，未写入任何文件（--check）。（用时 ${secs} 秒）\n`);
    return;
  }
  await writeOutputs(outDir, result);
  process.stdout.write(`校验通过：${warnings} 个警告。已写入 ${outDir}/summary.json。（用时 ${((performance.now() - t0) / 1000).toFixed(2)} 秒）\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`内部错误（请报告开发人员）：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(2);
});
