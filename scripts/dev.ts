/** `npm run dev`: see src/lib/cli/dev-command.ts. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devCommand } from '../src/lib/cli/dev-command.ts';
import { runCli } from '../src/lib/cli/main.ts';

await runCli(devCommand, { root: resolve(dirname(fileURLToPath(import.meta.url)), '..') });
