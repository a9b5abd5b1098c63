/**
 * The Excel implementation of the host `Workbook`: the only code that talks to Office.js. All Office
 * entry points (Excel.run, the requirement-set predicate, the document settings) are injected, so the
 * same class runs in Excel and against the recorded fake in tests.
 */
import type { Grid } from '../core/grid';
import type { IndicatorSheet } from '../core/indicator-sheet';
import type { MarksPlan } from '../core/marks';
import type { Locale } from '../core/messages/locale';
import { HostError, type HostCapabilities, type SheetWorkbook } from '../host/workbook';
import { apiLevel, clientHasNotes, type ApiLevel, type IsSetSupported } from './api-level';
import { writeIndicatorSheet } from './indicator-writer';
import { Marker, notesMode, type ExcelMarkResult } from './marks';
import { parseRangeAddress, rectAddress } from './addresses';
import { cellEditError, CELL_EDIT, hostError, type Action } from './messages';
import { readActiveSheet, TooLargeError, type ExcelRun } from './read-sheet';
import { RecordStore, type DocumentSettings } from './record';
import { literal } from './indicator-writer';

export interface ExcelGatewayOptions {
  /** `Excel.run`. */
  run: ExcelRun;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported: IsSetSupported;
  /** `Office.context.document.settings`: where the mark record lives. */
  settings: DocumentSettings;
  /** Language of the gateway's own messages. */
  locale: Locale;
  /** Excel on the web (5 MB cap per request and response); when unknown, assumed. */
  web?: boolean;
  /** The page's Excel client library has the notes API (default: probe the loaded `Excel`). */
  clientNotes?: boolean;
}

function errorCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

export class ExcelWorkbook implements SheetWorkbook {
  readonly api: ApiLevel;
  private readonly store: RecordStore;
  private readonly marker: Marker;

  constructor(private readonly options: ExcelGatewayOptions) {
    this.api = apiLevel(options.isSetSupported, options.clientNotes ?? clientHasNotes(), options.web ?? true);
    this.store = new RecordStore(options.settings);
    this.marker = new Marker(options.run, this.api, this.store, options.locale);
  }

  async capabilities(): Promise<HostCapabilities> {
    return { notes: notesMode(this.api), indents: this.api.v1_9, indicatorSheet: true };
  }

  async readActiveSheet(onProgress?: (done: number, total: number) => void): Promise<Grid> {
    try {
      return await readActiveSheet(this.options.run, this.api, onProgress);
    } catch (e) {
      if (e instanceof TooLargeError) throw hostError(this.options.locale, 'too-large', `${e.cells}`);
      throw this.translate(e, '', 'check');
    }
  }

  applyMarks(plan: MarksPlan): Promise<ExcelMarkResult> {
    return this.marker.apply(plan);
  }

  clearMarks(): Promise<void> {
    return this.marker.clear();
  }

  async hasMarks(): Promise<boolean> {
    return (await this.store.read()).sheets.length > 0;
  }

  async writeIndicatorSheet(sheet: IndicatorSheet): Promise<void> {
    try {
      await writeIndicatorSheet(this.options.run, this.api, sheet);
    } catch (e) {
      throw this.translate(e, sheet.name, 'indicators');
    }
  }

  /** Three round trips for all sheets: names, used ranges, then the first `rows` rows of each. */
  async sheetHeads(rows: number, except: string): Promise<Grid[]> {
    try {
      return await this.options.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        await ctx.sync();
        const used = sheets.items
          .filter((ws) => ws.name !== except)
          .map((ws) => ({ ws, range: (this.api.v1_2 ? ws.getUsedRange(true) : ws.getUsedRange()).load('address') }));
        await ctx.sync();
        const heads = used.map((u) => {
          const r = parseRangeAddress(u.range.address) ?? { top: 1, left: 1, bottom: 1, right: 1 };
          const head = { ...r, bottom: Math.min(r.bottom, r.top + rows - 1) };
          return {
            name: u.ws.name,
            top: head.top,
            left: head.left,
            range: u.ws.getRange(rectAddress(head)).load(['values', 'text']),
          };
        });
        await ctx.sync();
        return heads.map((h) => ({
          sheet: h.name,
          top: h.top,
          left: h.left,
          cells: h.range.values.map((row, r) =>
            row.map((v, c) =>
              v === '' || v === null ? null : { value: v as string | number | boolean, text: h.range.text[r][c] },
            ),
          ),
        }));
      });
    } catch (e) {
      throw this.translate(e, '', 'check');
    }
  }

  async activateSheet(sheet: string): Promise<void> {
    try {
      await this.options.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).activate();
        await ctx.sync();
      });
    } catch (e) {
      throw this.translate(e, sheet, 'check');
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    try {
      await this.options.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      });
    } catch (e) {
      throw this.translate(e, sheet, 'check');
    }
  }

  async setCellText(sheet: string, cell: string, text: string, expected: string): Promise<void> {
    try {
      await this.options.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem(sheet).getRange(cell);
        range.load('text');
        await ctx.sync();
        const now = range.text?.[0]?.[0] ?? '';
        if (now !== expected) throw hostError(this.options.locale, 'changed', cell);
        range.values = [[literal(text)]];
        await ctx.sync();
      });
    } catch (e) {
      throw this.translate(e, sheet, 'check');
    }
  }

  private translate(e: unknown, sheet: string, action: Action): HostError {
    if (e instanceof HostError) return e;
    const code = errorCode(e);
    if (code === CELL_EDIT) return cellEditError(this.options.locale, action);
    if (code === 'AccessDenied') return hostError(this.options.locale, 'protected');
    if (code === 'ItemNotFound') return hostError(this.options.locale, 'no-sheet', sheet);
    return hostError(this.options.locale, 'failed', e instanceof Error ? e.message : String(e));
  }
}
