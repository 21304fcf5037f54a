/** `npm run templates`: see src/lib/cli/templates-command.ts. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templatesCommand } from '../src/lib/cli/templates-command.ts';
import { runCli } from '../src/lib/cli/main.ts';

await runCli(templatesCommand, { root: resolve(dirname(fileURLToPath(import.meta.url)), '..') });
