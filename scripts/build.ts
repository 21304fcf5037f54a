/** `npm run build`: see src/lib/cli/build-command.ts. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCommand } from '../src/lib/cli/build-command.ts';
import { runCli } from '../src/lib/cli/main.ts';

await runCli(buildCommand(), { root: resolve(dirname(fileURLToPath(import.meta.url)), '..') });
