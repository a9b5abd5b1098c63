/**
 * Entry point of the Excel gateway. `createExcelWorkbook()` wires the real Office globals; tests build
 * `ExcelWorkbook` with a recorded fake instead.
 */
import { pickLocale, type Locale } from '../core/messages/locale';
import type { Workbook } from '../host/workbook';
import { withAcceptances } from './acceptances';
import { ExcelWorkbook } from './gateway';
import type { DocumentSettings } from './record';

export { ExcelWorkbook, type ExcelGatewayOptions } from './gateway';
export type { ExcelMarkResult } from './marks';
export { apiLevel, type ApiLevel, type IsSetSupported } from './api-level';
export type { ExcelRun } from './read-sheet';
export { RECORD_KEY, parseRecord, type DocumentSettings, type MarkRecord, type SheetRecord } from './record';

/** Office's own Settings object, narrowed to what the record store uses. */
function officeSettings(): DocumentSettings {
  const s = Office.context.document.settings;
  return {
    get: (name) => s.get(name) as unknown,
    set: (name, value) => s.set(name, value),
    remove: (name) => s.remove(name),
    saveAsync: (cb) =>
      s.saveAsync((r) =>
        cb?.({
          status: r.status === Office.AsyncResultStatus.Failed ? 'failed' : 'succeeded',
          error: r.error ? { message: r.error.message } : undefined,
        }),
      ),
    // refreshAsync exists on current Office; older builds lack it, so probe before calling.
    refreshAsync:
      typeof (s as Partial<Office.Settings>).refreshAsync === 'function'
        ? (cb) =>
            s.refreshAsync((r) =>
              cb?.({ status: r.status === Office.AsyncResultStatus.Failed ? 'failed' : 'succeeded' }),
            )
        : undefined,
  };
}

/** The display language picks the gateway's messages unless a locale is given. */
export function createExcelWorkbook(locale?: Locale): Workbook {
  const settings = officeSettings();
  const gateway = new ExcelWorkbook({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    settings,
    locale: locale ?? pickLocale(Office.context.displayLanguage),
    web: isWeb(),
  });
  return withAcceptances(gateway, settings);
}

/** Excel on the web caps requests at 5 MB; desktop does not. Unknown (older Office.js): assume the cap. */
function isWeb(): boolean {
  try {
    const platform = Office.context.platform;
    return platform === undefined || platform === null || platform === Office.PlatformType.OfficeOnline;
  } catch {
    return true;
  }
}
