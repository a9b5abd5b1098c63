/**
 * Where the core runs for the pane: in a Web Worker when the page can start one, else in place
 * after yielding once (so the progress bar is painted before the page is busy).
 */
import type { Acceptance } from '../core/acceptances';
import type { Grid } from '../core/grid';
import type { IndicatorSheet } from '../core/indicator-sheet';
import type { Locale } from '../core/messages/locale';
import type { TableReport } from '../core/report';
import {
  answer,
  joinPart,
  withParts,
  type CorePart,
  type CoreRequest,
  type CoreResponse,
  type Judgement,
  type Received,
} from './core-ops';

export interface CoreRunner {
  /**
   * The core's findings and marks plan. A worker answers with tables whose `indicators` are empty
   * (it keeps them for `indicatorSheet`); use `summary.indicators` for their count.
   */
  judge(grid: Grid, locale: Locale, acceptances?: readonly Acceptance[]): Promise<Judgement>;
  indicatorSheet(tables: readonly TableReport[], locale: Locale): Promise<IndicatorSheet>;
}

/** Defined by webpack.config.js: an id of the sources the bundle was built from. */
declare const __BUILD_ID__: string | undefined;

/**
 * The worker bundle, next to the page (webpack.config.js emits it under this fixed name). The build's
 * id as the query: after a deploy the browser fetches the new worker, never a cached old one.
 */
export const WORKER_URL = `check-worker.js${typeof __BUILD_ID__ === 'string' ? `?v=${__BUILD_ID__}` : ''}`;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function unwrap<T>(res: CoreResponse): T {
  if (!res.ok) throw new Error(res.message);
  return res.result as T;
}

let inlineIds = 0;
export const inlineCore: CoreRunner = {
  async judge(grid, locale, acceptances = []) {
    await nextTask();
    return unwrap<Judgement>(answer({ id: ++inlineIds, op: 'judge', grid, locale, acceptances: [...acceptances] }));
  },
  async indicatorSheet(tables, locale) {
    await nextTask();
    return unwrap<IndicatorSheet>(answer({ id: ++inlineIds, op: 'indicators', tables: [...tables], locale }));
  },
};

/** `got`: indicator rows that came ahead of the answer (see inParts). */
type Pending = { resolve(r: CoreResponse): void; req: CoreRequest; got?: Received };

/**
 * A runner over one lazily started worker. If the worker cannot start or dies (a policy that forbids
 * workers, a missing file), the requests in flight and every later one run in place instead.
 */
export function workerCore(
  url: string = WORKER_URL,
  makeWorker: (url: string) => Worker = (u) => new Worker(u),
): CoreRunner {
  let worker: Worker | null = null;
  let broken = false;
  let ids = 0;
  const pending = new Map<number, Pending>();
  /** Which judge request a set of (slim) tables came from, so the worker can use its whole copy. */
  const refs = new WeakMap<readonly TableReport[], number>();

  function fallBack(): void {
    broken = true;
    worker?.terminate();
    worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      void nextTask().then(() => p.resolve(answer(p.req)));
    }
  }

  function start(): Worker | null {
    if (broken) return null;
    if (worker) return worker;
    try {
      worker = makeWorker(url);
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (ev: MessageEvent<CoreResponse | CorePart>) => {
      const msg = ev.data;
      const p = pending.get(msg.id);
      if (!p) return;
      if ('part' in msg) {
        p.got ??= { rows: [], sources: [] };
        joinPart(p.got, msg.part);
        return;
      }
      pending.delete(msg.id);
      p.resolve(withParts(msg, p.got));
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      fallBack();
    };
    return worker;
  }

  async function run(req: CoreRequest): Promise<CoreResponse> {
    // Cloning a 10,000-row grid into the message is main-thread work: give it a task of its own
    // rather than adding it to the last slice of the read.
    await nextTask();
    const w = start();
    if (!w) return answer(req);
    return new Promise<CoreResponse>((resolve) => {
      pending.set(req.id, { resolve, req });
      try {
        w.postMessage(req);
      } catch {
        // Not cloneable (should not happen with plain grids): do it here.
        pending.delete(req.id);
        void nextTask().then(() => resolve(answer(req)));
      }
    });
  }

  return {
    async judge(grid, locale, acceptances = []) {
      const id = ++ids;
      const j = unwrap<Judgement>(await run({ id, op: 'judge', grid, locale, acceptances: [...acceptances] }));
      refs.set(j.tables, id);
      return j;
    },
    async indicatorSheet(tables, locale) {
      const ref = refs.get(tables);
      const id = ++ids;
      if (ref !== undefined && !broken) {
        const res = await run({ id, op: 'indicators', tables: [], ref, locale });
        // A worker that lost its copy (restarted) answers with an empty sheet: fall through.
        if (res.ok && (res.result as IndicatorSheet).rows.length > 0) return res.result as IndicatorSheet;
      }
      return unwrap<IndicatorSheet>(await run({ id: ++ids, op: 'indicators', tables: [...tables], locale }));
    },
  };
}

/** The pane's runner: a worker where the page can have one. */
export function defaultCore(): CoreRunner {
  return typeof Worker === 'undefined' ? inlineCore : workerCore();
}
