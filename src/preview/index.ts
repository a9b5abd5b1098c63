/**
 * The browser preview: an Excel-like sheet beside the real task pane, over an in-memory workbook.
 * It opens examples/sample.xlsx (served next to the page; the built-in excerpt if that is missing),
 * and any .xlsx the clerk picks or drops — read locally, never uploaded.
 *
 * `window.__preview` exposes read-only views of the state for the browser tests.
 */
import { pickLocale, type Locale } from '../core/messages/locale';
import { mountPane, type PaneHandle, type PaneSnapshot } from '../taskpane/pane';
import { clear, el } from '../taskpane/dom';
import { GridView } from './grid-view';
import { displayText, PreviewWorkbook, type PreviewSheet } from './preview-workbook';
import { builtInSample } from './sample-data';
import { PREVIEW_STRINGS } from './strings';
import { injectPreviewStyles } from './styles';
import { loadErrorText } from './load-error';

/** The reader is a separate chunk, fetched when the first workbook is opened (bundle size). */
const xlsxLoader = (): Promise<typeof import('./xlsx-loader')> =>
  import(/* webpackChunkName: "xlsx-reader" */ './xlsx-loader');
async function loadXlsx(bytes: ArrayBuffer): Promise<PreviewSheet[]> {
  return (await xlsxLoader()).loadXlsx(bytes);
}

export const SAMPLE_URL = 'examples/sample.xlsx';

export interface CellView {
  text: string;
  fill: string | null;
  note: string | null;
}

export interface PreviewState {
  source: string;
  activeSheet: string;
  sheets: string[];
  selection: { sheet: string; cell: string } | null;
  hasMarks: boolean;
}

export interface PreviewHooks {
  /** True once the first workbook is on screen. */
  ready: boolean;
  /** Number of workbooks loaded so far (tests wait for it to grow after a drop). */
  loads: number;
  state(): PreviewState;
  cell(cell: string, sheet?: string): CellView | null;
  /** Every stored cell of a sheet (default: the active one), by address. */
  snapshot(sheet?: string): Record<string, CellView>;
  pane(): PaneSnapshot | null;
  /** Shows a cell's note tooltip as a hover would; returns its text. */
  hover(cell: string): string | null;
  load(bytes: ArrayBuffer, name: string): Promise<void>;
  /** Slows reading down per block of rows, to watch the progress bar. */
  setReadDelay(ms: number): void;
  /** Types text into a cell of the active sheet, as a clerk editing it would. */
  edit(cell: string, text: string): Promise<void>;
}

declare global {
  interface Window {
    __preview?: PreviewHooks;
  }
}

function cellView(sheet: PreviewSheet | undefined, cell: string): CellView | null {
  const c = sheet?.cells.get(cell);
  if (!c) return null;
  return { text: displayText(c), fill: c.fill ?? null, note: c.note ?? null };
}

function start(): void {
  const doc = document;
  const params = new URLSearchParams(window.location.search);
  const locale: Locale = pickLocale(params.get('lang') ?? 'zh-CN');
  const t = PREVIEW_STRINGS[locale];
  doc.documentElement.lang = locale;
  injectPreviewStyles(doc);

  const root = doc.getElementById('preview-root') ?? doc.body;
  clear(root);
  const fileInput = el(doc, 'input', {
    className: 'pv-file',
    attrs: {
      type: 'file',
      accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'data-role': 'file',
      tabindex: '-1',
      'aria-hidden': 'true',
    },
  });
  const openBtn = el(doc, 'button', {
    className: 'pv-open',
    text: t.open,
    attrs: { type: 'button', 'data-role': 'open' },
  });
  const source = el(doc, 'span', { className: 'pv-source', attrs: { 'data-role': 'source' } });
  const top = el(
    doc,
    'header',
    { className: 'pv-top' },
    el(doc, 'h1', { text: t.title }),
    el(doc, 'span', { className: 'pv-badge', text: t.badge }),
    source,
    openBtn,
    fileInput,
  );
  const loadError = el(doc, 'div', {
    className: 'pv-load-error',
    attrs: { role: 'alert', hidden: true, 'data-role': 'load-error' },
  });
  const hint = el(doc, 'div', { className: 'pv-hint', text: t.dropHint });
  const sheetArea = el(doc, 'section', {
    className: 'pv-sheet-area',
    attrs: { 'aria-label': t.sheetTabs, 'data-role': 'sheet-area' },
  });
  const paneBody = el(doc, 'div', { className: 'pv-pane-body', attrs: { 'data-role': 'pane' } });
  const paneFrame = el(
    doc,
    'aside',
    { className: 'pv-pane-frame', attrs: { 'aria-label': t.paneTitle } },
    el(doc, 'div', { className: 'pv-pane-title', text: t.paneTitle, attrs: { 'aria-hidden': 'true' } }),
    paneBody,
  );
  const drop = el(doc, 'div', { className: 'pv-drop', text: t.dropHere, attrs: { hidden: true } });
  root.append(
    el(
      doc,
      'div',
      { className: 'pv-app' },
      top,
      loadError,
      hint,
      el(doc, 'main', { className: 'pv-main' }, sheetArea, paneFrame),
    ),
    drop,
  );

  const view = new GridView(sheetArea, t);
  let wb: PreviewWorkbook | null = null;
  let pane: PaneHandle | null = null;
  let sourceName = '';
  let readDelay = 0;

  function show(sheets: PreviewSheet[], name: string): void {
    wb = new PreviewWorkbook(sheets, locale);
    wb.readDelayMs = readDelay;
    sourceName = name;
    source.textContent = t.loaded(name);
    view.setWorkbook(wb);
    pane?.destroy();
    // The preview is not Excel: the ribbon commands' localStorage channel does not apply.
    pane = mountPane(paneBody, wb, locale, { storageWindow: null });
    hooks.loads++;
  }

  async function loadBytes(bytes: ArrayBuffer, name: string): Promise<void> {
    loadError.hidden = true;
    source.textContent = t.loading;
    try {
      const sheets = await loadXlsx(bytes);
      // What was accepted (已确认) in Excel comes with the file, as the command line reads it.
      const { readWorkbookAcceptances } = await import(/* webpackChunkName: "xlsx-reader" */ '../cli/acceptances');
      show(sheets, name);
      if (wb) wb.acceptances = readWorkbookAcceptances(new Uint8Array(bytes));
    } catch (e) {
      const mod = await xlsxLoader().catch(() => null);
      const known = mod !== null && e instanceof mod.XlsxLoadError;
      const reason = known ? (e as InstanceType<NonNullable<typeof mod>['XlsxLoadError']>).reason : 'other';
      if (!known) console.error(e);
      loadError.textContent = loadErrorText(reason, name, locale, t.loadFailed);
      loadError.hidden = false;
      source.textContent = sourceName ? t.loaded(sourceName) : '';
    }
  }

  async function loadFile(file: File): Promise<void> {
    await loadBytes(await file.arrayBuffer(), file.name);
  }

  openBtn.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) void loadFile(f).finally(() => (fileInput.value = ''));
  });

  let dragDepth = 0;
  window.addEventListener('dragenter', (ev) => {
    if (!ev.dataTransfer?.types.includes('Files')) return;
    dragDepth++;
    drop.hidden = false;
  });
  window.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) drop.hidden = true;
  });
  window.addEventListener('dragover', (ev) => {
    if (ev.dataTransfer?.types.includes('Files')) ev.preventDefault();
  });
  window.addEventListener('drop', (ev) => {
    ev.preventDefault();
    dragDepth = 0;
    drop.hidden = true;
    const f = ev.dataTransfer?.files?.[0];
    if (f) void loadFile(f);
  });

  const hooks: PreviewHooks = {
    ready: false,
    loads: 0,
    state: () => ({
      source: sourceName,
      activeSheet: wb?.activeSheet ?? '',
      sheets: wb?.sheets.map((s) => s.name) ?? [],
      selection: wb?.selection ? { ...wb.selection } : null,
      hasMarks:
        wb !== null &&
        [...wb.sheets].some((s) =>
          [...s.cells.values()].some(
            (c) => c.note?.startsWith('【预算绩效表校验】') || c.note?.startsWith('[Budget table check]'),
          ),
        ),
    }),
    cell: (cell, sheet) => (wb ? cellView(wb.sheet(sheet ?? wb.activeSheet), cell) : null),
    snapshot: (sheet) => {
      const out: Record<string, CellView> = {};
      const s = wb?.sheet(sheet ?? wb.activeSheet);
      if (s) for (const a of s.cells.keys()) out[a] = cellView(s, a) as CellView;
      return out;
    },
    pane: () => pane?.snapshot() ?? null,
    hover: (cell) => view.hover(cell),
    load: (bytes, name) => loadBytes(bytes, name),
    edit: async (cell, text) => {
      if (!wb) return;
      await wb.setCellText(wb.activeSheet, cell, text, displayText(wb.sheet(wb.activeSheet)?.cells.get(cell)));
    },
    setReadDelay: (ms) => {
      readDelay = ms;
      if (wb) wb.readDelayMs = ms;
    },
  };
  window.__preview = hooks;

  void (async () => {
    try {
      const res = await fetch(SAMPLE_URL, { cache: 'no-cache' });
      if (!res.ok) throw new Error(String(res.status));
      show(await loadXlsx(await res.arrayBuffer()), 'sample.xlsx');
    } catch {
      show(builtInSample(), t.builtIn);
    }
    hooks.ready = true;
  })();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
