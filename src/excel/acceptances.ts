/**
 * The findings a clerk accepted (已确认), kept beside the marks record in the add-in's document
 * settings (see record.ts for why there): saved with the workbook, read again after reopening, and
 * read by the command line from the file's web-extension part (src/cli/acceptances.ts).
 */
import { ACCEPTANCES_SETTING, parseAcceptances, serialiseAcceptances, type Acceptance } from '../core/acceptances';
import type { AcceptanceStorage, SheetWorkbook } from '../host/workbook';
import type { DocumentSettings } from './record';

/** The settings key; the CLI looks for the same name (src/cli/acceptances.ts). */
export const ACCEPTANCES_KEY = ACCEPTANCES_SETTING;

export class AcceptanceStore implements AcceptanceStorage {
  constructor(private readonly settings: DocumentSettings) {}

  async readAcceptances(): Promise<Acceptance[]> {
    const refresh = this.settings.refreshAsync;
    if (refresh) {
      // Another runtime of the add-in (a ribbon command) may have saved since: pick that up first.
      await new Promise<void>((resolve) => {
        try {
          refresh.call(this.settings, () => resolve());
        } catch {
          resolve();
        }
      });
    }
    return parseAcceptances(this.settings.get(ACCEPTANCES_KEY));
  }

  async writeAcceptances(list: readonly Acceptance[]): Promise<void> {
    if (list.length === 0) this.settings.remove(ACCEPTANCES_KEY);
    else this.settings.set(ACCEPTANCES_KEY, serialiseAcceptances(list));
    await new Promise<void>((resolve, reject) => {
      this.settings.saveAsync((res) => {
        if (res && res.status === 'failed') reject(new Error(res.error?.message ?? 'settings.saveAsync failed'));
        else resolve();
      });
    });
  }
}

/** The gateway plus the acceptance store: the whole host `Workbook`. */
export function withAcceptances<T extends SheetWorkbook>(wb: T, settings: DocumentSettings): T & AcceptanceStorage {
  const store = new AcceptanceStore(settings);
  return Object.assign(wb, {
    readAcceptances: () => store.readAcceptances(),
    writeAcceptances: (list: readonly Acceptance[]) => store.writeAcceptances(list),
  });
}
