/**
 * The check worker (bundled as check-worker.js): the core runs here, off the page's thread, so the
 * pane keeps painting its progress and answering clicks while a 10,000-project sheet is judged.
 *
 * The page gets the tables without their parsed indicators (40,000 objects on a large sheet, which
 * the page would spend a long task unpacking and the pane never shows); the worker keeps the last
 * judgement whole for the indicator sheet.
 */
import { answer, inParts, type CoreRequest, type Judgement } from './core-ops';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<CoreRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
let kept: { ref: number; judgement: Judgement } | null = null;

scope.onmessage = (ev) => {
  const req = ev.data;
  if (req.op === 'indicators') {
    const tables = req.ref !== undefined && kept?.ref === req.ref ? kept.judgement.tables : req.tables;
    // The page unpacks each message in a task of its own: a large indicator sheet goes in parts.
    for (const m of inParts(answer({ ...req, tables }), true)) scope.postMessage(m);
    return;
  }
  const res = answer(req);
  if (req.op === 'judge' && res.ok) {
    const judgement = res.result as Judgement;
    kept = { ref: req.id, judgement };
    const slim = judgement.tables.map((t) => ({ ...t, indicators: [] }));
    scope.postMessage({ ...res, result: { ...judgement, tables: slim } });
    return;
  }
  scope.postMessage(res);
};
