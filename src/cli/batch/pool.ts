/**
 * Checks files on worker threads, one per core: each worker takes the next file when it is done,
 * so a large workbook does not hold up the others. A worker that dies (out of memory on a hostile
 * file) costs that file a row with its reason, and a fresh worker takes over. Where no built
 * worker exists (running from the TypeScript sources) the files are checked inline, in order.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { checkOne, type CheckRequest, type FileResult } from './check-one';
import { DEFAULT_HEAP_MB } from '../memory-cap';

export interface PoolOptions {
  jobs: number;
  locale: string;
  sheets: readonly string[];
  json: boolean;
  /** Why a file's worker died, for its row. */
  crashed: (file: string, reason: string) => string;
}

// Beside this module: build/cli/batch/worker.js (tsc), or in the bundle build/bundle/worker.js, the
// second entry webpack.cli.config.js writes next to budget-check.js.
const WORKER = path.join(__dirname, 'worker.js');

export async function checkAll(
  files: readonly string[],
  o: PoolOptions,
  onResult: (r: FileResult, index: number) => void,
): Promise<void> {
  const request = (file: string): CheckRequest => ({ file, locale: o.locale, sheets: o.sheets, json: o.json });
  if (o.jobs <= 1 || files.length <= 1 || !existsSync(WORKER)) {
    for (let i = 0; i < files.length; i++) onResult(await checkOne(request(files[i])), i);
    return;
  }
  let next = 0;
  const lane = (): Promise<void> =>
    new Promise((resolve) => {
      let current = -1;
      let worker: Worker;
      const spawn = (): void => {
        // The single-file CLI's cap (memory-cap.ts): no one workbook takes more than ~0.9 GB here either.
        worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: DEFAULT_HEAP_MB } });
        worker.on('message', (m: { id: number; result: FileResult }) => {
          if (m.id !== current) return;
          onResult(m.result, current);
          feed();
        });
        worker.on('error', (e) => died(e.message));
        worker.on('exit', (code) => {
          if (current >= 0) died(`exit ${code}`);
        });
      };
      const died = (reason: string): void => {
        if (current < 0) return;
        const i = current;
        current = -1;
        onResult({ file: files[i], code: 2, error: o.crashed(files[i], reason) }, i);
        spawn();
        feed();
      };
      const feed = (): void => {
        if (next >= files.length) {
          current = -1;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ id: current, ...request(files[current]) });
      };
      spawn();
      feed();
    });
  const lanes: Promise<void>[] = [];
  for (let i = 0; i < Math.min(o.jobs, files.length); i++) lanes.push(lane());
  await Promise.all(lanes);
}
