/** `npm run preview`: see src/lib/cli/preview-command.ts. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { previewCommand } from '../src/lib/cli/preview-command.ts';
import { runCli } from '../src/lib/cli/main.ts';

await runCli(previewCommand, { root: resolve(dirname(fileURLToPath(import.meta.url)), '..') });
