/**
 * Baseline for the bench: PapaParse's own streaming parse of one CSV file, nothing else.
 * No header handling, no type conversion; counts non-blank records (header included) and prints the count.
 *
 *   node --import tsx scripts/bench/papaparse-count.ts FILE
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: papaparse-count.ts FILE');
  process.exit(2);
}

let rows = 0;
// A string stream: the decoder keeps multi-byte characters whole across chunk boundaries.
const stream = createReadStream(file, { encoding: 'utf8' });
Papa.parse(stream, {
  header: false,
  dynamicTyping: false,
  skipEmptyLines: false,
  chunk: (results: Papa.ParseResult<string[]>) => {
    for (const record of results.data) {
      if (record.length > 1 || record[0] !== '') rows++;
    }
  },
  complete: () => {
    console.log(String(rows));
  },
  error: (err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  },
});
