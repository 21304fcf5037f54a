/** A script whose command has a bug, run as a real process by main.test.ts: `now` throws at once, `later` from a timer. */
import { runCli } from '../../../../src/lib/cli/main.ts';

await runCli(async (argv) => {
  if (argv[0] === 'later') {
    setTimeout(() => {
      throw new TypeError('x is undefined');
    }, 10);
    await new Promise((r) => setTimeout(r, 5_000));
    return 0;
  }
  throw new TypeError('x is undefined');
});
