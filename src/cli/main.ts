/**
 * corpus-lens: the headless CLI. Runs the same engine as the extension over a folder.
 *
 *   corpus-lens scan <folder> [--catalog <file>…] [--no-builtin] [--json | --jsonl | --csv]
 *
 * Exit codes: 0 on success (bad documents and catalog problems are reported in `errors`),
 * 2 on unusable arguments.
 */
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { runWorkerIfAny } from './analyzeFiles';
import { runScan, type OutputFormat } from './scan';

const USAGE = `Usage: corpus-lens scan <folder> [--catalog <file>]... [--no-builtin] [--json | --jsonl | --csv]

Finds every catalogued entity in the .txt documents of <folder>.
  --catalog <file>   an extra catalog (JSON); repeat to merge several, later ones win
  --no-builtin       do not use the built-in catalog
  --json             one JSON object (default)
  --jsonl            one JSON line per document, then one line with the entities and errors
  --csv              one row per mention
  --max-size <MB>    skip files larger than this (default 50)
  --jobs <n>         worker threads (default: cores, at most 4; 1 = no workers)
`;

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        catalog: { type: 'string', multiple: true },
        'no-builtin': { type: 'boolean' },
        json: { type: 'boolean' },
        jsonl: { type: 'boolean' },
        csv: { type: 'boolean' },
        'max-size': { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`corpus-lens: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(USAGE);
    return 0;
  }
  const [command, folder, ...rest] = positionals;
  if (command !== 'scan' || !folder || rest.length > 0) {
    process.stderr.write(`corpus-lens: ${command && command !== 'scan' ? `unknown command "${command}"` : 'expected: scan <folder>'}\n\n${USAGE}`);
    return 2;
  }
  const formats = (['json', 'jsonl', 'csv'] as const).filter((f) => values[f]);
  if (formats.length > 1) {
    process.stderr.write(`corpus-lens: choose one of --json, --jsonl, --csv\n`);
    return 2;
  }
  const maxSize = values['max-size'] === undefined ? 50 : Number(values['max-size']);
  if (!Number.isFinite(maxSize) || maxSize <= 0) {
    process.stderr.write(`corpus-lens: --max-size must be a positive number of megabytes\n`);
    return 2;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
    process.stderr.write(`corpus-lens: --jobs must be a whole number, at least 1\n`);
    return 2;
  }
  const format: OutputFormat = formats[0] ?? 'json';
  return runScan({
    folder,
    catalogs: values.catalog ?? [],
    builtin: !values['no-builtin'],
    format,
    maxBytes: maxSize * 1024 * 1024,
    out,
    jobs,
  });
}

// In a worker thread this bundle only serves analysis requests.
const isWorker = runWorkerIfAny();

if (isMainThread && !isWorker && require.main === module) {
  // `corpus-lens scan … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`corpus-lens: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
