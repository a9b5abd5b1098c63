/**
 * Microsoft's Excel client library (the RichApi client: `OfficeExtension` and `Excel`, the code that
 * turns `Excel.run` batches into requests) from the installed @microsoft/office-js, evaluated ONCE per
 * test file in the test's own realm. One realm matters: the gateway passes arrays and objects into
 * the client, and the client checks some of them by prototype.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The desktop bundle; the web one serialises the same requests (only its transport differs). */
export const CLIENT_FILE = path.join(
  path.dirname(require.resolve('@microsoft/office-js/package.json')),
  'dist',
  'excel-win32-16.01.debug.js',
);

interface ClientGlobals {
  Excel?: typeof Excel;
  OfficeExtension?: typeof OfficeExtension;
  window?: unknown;
  navigator?: unknown;
}

export function loadClient(): { Excel: typeof Excel; OfficeExtension: typeof OfficeExtension } {
  const g = globalThis as unknown as ClientGlobals;
  if (!g.Excel || typeof g.Excel.run !== 'function') {
    g.window = globalThis;
    g.navigator ??= { userAgent: 'node' };
    // Indirect eval: global scope, so the library's top-level `var Excel` becomes globalThis.Excel.
    (0, eval)(fs.readFileSync(CLIENT_FILE, 'utf8'));
  }
  return { Excel: g.Excel as typeof Excel, OfficeExtension: g.OfficeExtension as typeof OfficeExtension };
}

/** True when the loaded client has the notes API (the registry's 1.1.110 has none). */
export function clientHasNotes(): boolean {
  const ws = (globalThis as unknown as ClientGlobals).Excel?.Worksheet?.prototype;
  return !!ws && Object.getOwnPropertyDescriptor(ws, 'notes') !== undefined;
}
