/**
 * No workbook takes more than about 1 GB of memory. A large workbook is checked in a child Node
 * process whose JavaScript heap is capped (`--max-old-space-size`), because V8 sizes a process's
 * heap once, at start-up: by default it lets the heap grow to twice what is live (a 250,000-project
 * table peaked at 1.9 GB), and a cap both bounds it and makes V8 collect sooner. A workbook that
 * still does not fit ends with exit 2 and one line naming the limit, never V8's fatal error and
 * native stack.
 *
 * Small workbooks (nearly all) run in this process: a second Node start-up costs ~40 ms.
 */
import { existsSync, promises as fsp } from 'fs';
import * as path from 'path';
import { getHeapStatistics } from 'v8';
import type { CliMessages } from './messages';
import type { Writable } from './main';
import { readZip } from './zip-package';

/**
 * The child's heap cap. With the rest of a Node process (young generation, code, buffers) and the
 * parent (~55 MB) a run stays under 1 GB: 250,000 projects peaked at 0.83-0.84 GB in all (800 MB let
 * one run reach 1.03 GB; 680 MB saved no more and cost time).
 */
export const DEFAULT_HEAP_MB = 720;
/** A cap the user sets (a larger machine, a test): it then applies to every file. */
export const HEAP_ENV = 'BUDGET_CHECK_HEAP_MB';
/** Set by the parent in the child, so the child checks in process. */
const CHILD_ENV = 'BUDGET_CHECK_CAPPED';

/**
 * Uncompressed XML above which a workbook is checked under the cap. Memory follows the sheets'
 * XML (~35 bytes of heap per byte: 39,996 projects, 9.3 MB of XML, 324 MB resident); below this a
 * run stays far under the cap, so it keeps the faster in-process path.
 */
export const CAP_ABOVE_XML_BYTES = 8 * 1024 * 1024;
/** A file that is no zip (a BIFF .xls, say) is judged by its size on disk. */
const CAP_ABOVE_FILE_BYTES = 4 * 1024 * 1024;

// src/cli/, build/cli/ and build/bundle/ (the bundle, webpack.cli.config.js) all sit two levels down.
const ROOT = path.join(__dirname, '..', '..');
const CLI_ENTRY = path.join(ROOT, 'bin', 'budget-check.js');
/** The launcher runs the bundled CLI: from the TypeScript sources without a build there is no child. */
const BUNDLE = path.join(ROOT, 'build', 'bundle', 'budget-check.js');

/** Whether a child can run the CLI: the launcher and the bundle it loads both exist. */
export function childAvailable(): boolean {
  return existsSync(CLI_ENTRY) && existsSync(BUNDLE);
}

/** The cap the user set (`BUDGET_CHECK_HEAP_MB=2000`), or null. */
function explicitCap(env: NodeJS.ProcessEnv): number | null {
  const v = Number(env[HEAP_ENV]);
  return Number.isInteger(v) && v >= 16 ? v : null;
}

/** What the sheets and shared strings of a workbook inflate to; a file that is no zip: its size. */
async function workload(file: string): Promise<{ xml: number; bytes: number }> {
  try {
    const data = await fsp.readFile(file);
    try {
      let xml = 0;
      for (const e of readZip(data)) if (/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(e.name)) xml += e.size;
      return { xml, bytes: data.length };
    } catch {
      return { xml: 0, bytes: data.length };
    }
  } catch {
    // Unreadable: the check itself says why, in this process.
    return { xml: 0, bytes: 0 };
  }
}

/** The cap to check `files` under, or null to check them here. */
export async function heapCapFor(
  files: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  heapLimit: number = getHeapStatistics().heap_size_limit,
): Promise<number | null> {
  if (env[CHILD_ENV]) return null;
  const explicit = explicitCap(env);
  if (explicit !== null) return explicit;
  // A process started with a smaller heap already (node --max-old-space-size=…) keeps it.
  if (heapLimit <= (DEFAULT_HEAP_MB + 64) * 1024 * 1024) return null;
  let xml = 0;
  let bytes = 0;
  for (const f of files) {
    const w = await workload(f);
    xml += w.xml;
    bytes += w.bytes;
  }
  return xml > CAP_ABOVE_XML_BYTES || (xml === 0 && bytes > CAP_ABOVE_FILE_BYTES) ? DEFAULT_HEAP_MB : null;
}

const OUT_OF_MEMORY = /heap out of memory|Allocation failed/;

/**
 * Runs the CLI with `argv` in a child whose heap is capped at `capMb`: its exit status, or null when
 * no child could be started (the caller checks in process). stdout is the child's own (a terminal
 * stays a terminal); stderr is passed on, except V8's report when the child ran out of memory.
 */
export async function runCapped(
  argv: readonly string[],
  capMb: number,
  file: string,
  stderr: Writable,
  msg: CliMessages,
): Promise<number | null> {
  // Loaded only when a child runs: most checks stay in process, and child_process costs ~2 ms to load.
  const { spawn } = await import('child_process');
  return new Promise((resolve) => {
    const execArgv = process.execArgv.filter((a) => !a.startsWith('--max-old-space-size'));
    const child = spawn(process.execPath, [...execArgv, `--max-old-space-size=${capMb}`, CLI_ENTRY, ...argv], {
      stdio: ['inherit', 'inherit', 'pipe'],
      env: { ...process.env, [CHILD_ENV]: '1' },
    });
    const err: Buffer[] = [];
    let errBytes = 0;
    child.stderr.on('data', (b: Buffer) => {
      // The child writes one line on failure; V8's dying words are longer, and their start says why.
      if (errBytes < 1 << 16) err.push(b);
      errBytes += b.length;
    });
    child.on('error', () => resolve(null));
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
      const text = Buffer.concat(err).toString('utf8');
      if (OUT_OF_MEMORY.test(text) || signal === 'SIGABRT' || code === 134) {
        stderr.write(`budget-check: ${msg.outOfMemory(file, capMb)}\n`);
        resolve(2);
      } else if (signal !== null) {
        // Killed from outside (Ctrl-C reaches both processes): no report was finished.
        stderr.write(`budget-check: ${msg.internal(signal)}\n`);
        resolve(2);
      } else if (code === null || code > 2) {
        // Not one of the CLI's own statuses: whatever the child printed is no message for a clerk.
        stderr.write(`budget-check: ${msg.internal(`exit ${code}`)}\n`);
        resolve(2);
      } else {
        if (text) stderr.write(text);
        resolve(code);
      }
    });
  });
}
