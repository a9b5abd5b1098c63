/** A batch worker thread: checks the files the pool sends, one at a time. */
import { parentPort } from 'worker_threads';
import { checkOne, type CheckRequest } from './check-one';

parentPort?.on('message', (req: CheckRequest & { id: number }) => {
  void checkOne(req).then(
    (result) => parentPort?.postMessage({ id: req.id, result }),
    (e: unknown) =>
      parentPort?.postMessage({
        id: req.id,
        result: { file: req.file, code: 2, error: e instanceof Error ? e.message : String(e) },
      }),
  );
});
