/** `npm run fixtures -- [--diff]`: see src/lib/cli/fixtures-command.ts. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturesCommand } from '../src/lib/cli/fixtures-command.ts';
import { runCli } from '../src/lib/cli/main.ts';

await runCli(fixturesCommand, { root: resolve(dirname(fileURLToPath(import.meta.url)), '..') });
