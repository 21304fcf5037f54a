/**
 * `npm run build [-- --data-dir DIR] [--rollback] [--verbose] [--allow-removal]`
 * Data step and site build into staging; only when both succeed does the result replace dist/.
 * Exit 0 published, 1 nothing changed (bad data, failed build, shrink guard), 2 bad usage,
 * 3 published but a step after the swap did not finish, 130 interrupted (also: the npm that started it went away).
 */
import { defaultDeps, defaultPaths, publish, rollback } from '../publish/publish.ts';
import type { PublishDeps, PublishPaths } from '../publish/publish.ts';
import { readArgs } from './args.ts';
import { requireFolder } from './folders.ts';
import type { Command } from './main.ts';
import { watchParents } from '../publish/parent-watch.ts';

const USAGE = '用法：npm run build -- [--data-dir 目录] [--rollback] [--verbose] [--allow-removal]';

/** The build command; `deps` replaces the real data step and site build in tests. */
export function buildCommand(deps?: (log: (line: string) => void) => PublishDeps): Command {
  return async (argv, { io, root }) => {
    // --dist-dir and the other folders are for tests and unusual layouts; an admin never needs them.
    const args = readArgs(
      argv,
      { 'data-dir': 'value', 'dist-dir': 'value', 'cache-dir': 'value', 'site-data-dir': 'value', 'report-file': 'value', rollback: 'flag', 'allow-removal': 'flag' },
      USAGE,
    );
    const folder = (v: string | undefined): string | undefined => (v !== undefined && v !== '' ? v : undefined);
    const overrides: Partial<PublishPaths> = Object.fromEntries(
      Object.entries({
        dataDir: folder(args['data-dir']),
        distDir: folder(args['dist-dir']),
        cacheDir: folder(args['cache-dir']),
        siteDataDir: folder(args['site-data-dir']),
        reportFile: folder(args['report-file']),
      }).filter(([, v]) => v !== undefined),
    );
    const paths = defaultPaths(root, overrides);
    const log = (line: string): void => io.out(line);
    if (args.rollback) return rollback(paths, log);
    requireFolder(paths.dataDir, args['data-dir'] ?? 'data', USAGE);

    const controller = new AbortController();
    let interrupts = 0;
    const onSignal = (): void => {
      interrupts++;
      // A second Ctrl-C still waits for cleanup; only the swap itself is never cut in half.
      if (interrupts === 1) controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // SIGTERM to npm ends npm but never reaches this process: watch the processes up to npm as well.
    const parent = watchParents(() => controller.abort());
    try {
      const result = await publish(paths, deps ? deps(log) : defaultDeps(log), {
        signal: controller.signal,
        verbose: args.verbose === true,
        allowRemoval: args['allow-removal'] === true,
        parentGone: parent.gone,
      });
      return result.exitCode;
    } finally {
      parent.stop();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  };
}
