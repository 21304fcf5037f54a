/** `npx tsx scripts/docx-to-pdf.ts`: see src/lib/cli/docx-pdf-command.ts. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docxPdfCommand } from '../src/lib/cli/docx-pdf-command.ts';
import { runCli } from '../src/lib/cli/main.ts';

await runCli(docxPdfCommand(), { root: resolve(dirname(fileURLToPath(import.meta.url)), '..') });
