/** `npm run data` and `npm run check`: see src/lib/cli/data-command.ts. Bundled by scripts/run.mjs, so paths are the user's. */
import { dataCommand } from '../src/lib/cli/data-command.ts';
import { runCli } from '../src/lib/cli/main.ts';

await runCli(dataCommand);
