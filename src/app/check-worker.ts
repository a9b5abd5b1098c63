/**
 * The check worker (bundled as check-worker.js): the core runs here, off the page's thread, so the
 * pane keeps painting its progress and answering clicks while a 10,000-project sheet is judged.
 */
import { answer, type CoreRequest } from './core-ops';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<CoreRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (ev) => scope.postMessage(answer(ev.data));
