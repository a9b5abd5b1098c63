/**
 * Waits for Office.js whichever way it arrived. assets/office-loader.js loads it from Microsoft's
 * CDN when that answers and otherwise (intranets without internet, a hanging CDN: up to 4 s) from
 * our own copy in office-js/. The script is inserted dynamically, so it can still be loading when a
 * deferred bundle starts: call `officeReady()` instead of touching `Office` at the top level.
 */

const POLL_MS = 50;

function officeLoaded(): boolean {
  const g = window as unknown as { Office?: { onReady?: unknown } };
  return typeof g.Office === 'object' && g.Office !== null && typeof g.Office.onReady === 'function';
}

/** Resolves once the Office global exists and Office has initialised; rejects after `timeoutMs`. */
export function officeReady(
  timeoutMs = 30000,
): Promise<{ host: Office.HostType | null; platform: Office.PlatformType | null }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = (): void => {
      if (officeLoaded()) {
        Office.onReady().then(resolve, reject);
      } else if (Date.now() - started > timeoutMs) {
        reject(new Error('Office.js did not load'));
      } else {
        setTimeout(poll, POLL_MS);
      }
    };
    poll();
  });
}
