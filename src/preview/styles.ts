/** The preview page's stylesheet (the pane brings its own): an Excel-like sheet beside a task pane. */

const CSS = `
html, body { margin: 0; height: 100%; }
body { font-family: "Segoe UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 14px; color: #242424; background: #f3f2f1; }
.pv-app { display: flex; flex-direction: column; height: 100vh; }
.pv-top { display: flex; align-items: center; gap: 12px; padding: 8px 16px; background: #217346; color: #fff; flex-wrap: wrap; }
.pv-top h1 { font-size: 16px; line-height: 22px; margin: 0; font-weight: 600; }
.pv-badge { font-size: 12px; padding: 0 8px; border-radius: 10px; background: rgba(255,255,255,.2); }
.pv-source { font-size: 12px; opacity: .9; overflow-wrap: anywhere; }
.pv-open { font: inherit; font-weight: 600; min-height: 32px; padding: 5px 12px; border-radius: 4px; border: 1px solid rgba(255,255,255,.7);
  background: transparent; color: #fff; cursor: pointer; margin-left: auto; }
.pv-open:hover { background: rgba(255,255,255,.15); }
.pv-open:focus-visible, .pv-tab:focus-visible, .pv-scroll:focus-visible { outline: 2px solid #000; outline-offset: 1px; box-shadow: 0 0 0 1px #fff inset; }
.pv-file { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.pv-hint { font-size: 12px; color: #616161; padding: 4px 16px; background: #faf9f8; border-bottom: 1px solid #e1dfdd; }
.pv-load-error { padding: 8px 16px; background: #fdf3f4; border-bottom: 1px solid #eeacb2; color: #242424; }
.pv-load-error[hidden] { display: none; }
.pv-main { flex: 1; display: flex; min-height: 0; }
.pv-sheet-area { flex: 1; display: flex; flex-direction: column; min-width: 0; background: #fff; position: relative; }
.pv-formula { display: flex; align-items: stretch; border-bottom: 1px solid #d4d4d4; font-size: 13px; min-height: 26px; }
.pv-namebox { width: 90px; padding: 3px 6px; border-right: 1px solid #d4d4d4; font-family: Consolas, "Courier New", monospace; }
.pv-fx { padding: 3px 8px; color: #616161; font-style: italic; border-right: 1px solid #d4d4d4; }
.pv-formula-text { flex: 1; padding: 3px 8px; white-space: pre-wrap; overflow: hidden; max-height: 60px; overflow-y: auto; overflow-wrap: anywhere; }
.pv-notice { padding: 4px 8px; font-size: 12px; background: #fff9f5; border-bottom: 1px solid #fdcfb4; }
.pv-notice[hidden] { display: none; }
.pv-scroll { flex: 1; overflow: auto; min-height: 0; }
.pv-grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; font-size: 13px; line-height: 17px;
  font-family: "等线", DengXian, "Microsoft YaHei", "Segoe UI", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
.pv-grid th { background: #f3f3f3; color: #444; font-weight: 400; font-size: 12px; border-right: 1px solid #d4d4d4;
  border-bottom: 1px solid #d4d4d4; padding: 0 2px; text-align: center; }
.pv-grid thead th { position: sticky; top: 0; z-index: 2; height: 22px; }
.pv-grid .pv-rowhead { position: sticky; left: 0; z-index: 1; }
.pv-grid .pv-corner { position: sticky; left: 0; top: 0; z-index: 3; }
.pv-grid th.pv-head-active { background: #d2d2d2; color: #217346; font-weight: 600; }
.pv-grid td { border-right: 1px solid #e1e1e1; border-bottom: 1px solid #e1e1e1; padding: 1px 3px; vertical-align: bottom;
  position: relative; height: 20px; overflow: hidden; background: #fff; cursor: cell; }
.pv-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.pv-grid td.pv-selected { box-shadow: inset 0 0 0 2px #217346; }
.pv-grid td.pv-number .pv-text { white-space: nowrap; }
.pv-grid td.pv-link { color: #0563c1; text-decoration: underline; cursor: pointer; }
.pv-note-mark { position: absolute; top: 0; right: 0; width: 0; height: 0; border-left: 7px solid transparent; border-top: 7px solid #d13438; }
.pv-tooltip { position: fixed; z-index: 10; width: max-content; max-width: min(340px, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: hidden; background: #ffffe1; border: 1px solid #767676; padding: 6px 8px;
  font-size: 12px; line-height: 16px; white-space: pre-wrap; overflow-wrap: anywhere; box-shadow: 0 2px 6px rgba(0,0,0,.2); pointer-events: none; }
.pv-tooltip[hidden] { display: none; }
.pv-tabs { display: flex; gap: 0; border-top: 1px solid #d4d4d4; background: #f3f3f3; padding: 0 8px; overflow-x: auto; }
.pv-tab { font: inherit; font-size: 13px; padding: 4px 14px; border: none; border-right: 1px solid #d4d4d4; background: transparent; cursor: pointer; white-space: nowrap; }
.pv-tab[aria-selected="true"] { background: #fff; color: #217346; font-weight: 600; border-bottom: 2px solid #217346; }
.pv-pane-frame { width: 360px; flex: none; display: flex; flex-direction: column; border-left: 1px solid #d4d4d4; background: #fff; min-height: 0; }
.pv-pane-title { padding: 8px 14px; font-size: 13px; color: #616161; border-bottom: 1px solid #edebe9; }
.pv-pane-body { flex: 1; overflow: auto; min-height: 0; }
.pv-drop { position: fixed; inset: 0; background: rgba(33,115,70,.12); border: 3px dashed #217346; display: flex; align-items: center;
  justify-content: center; font-size: 20px; font-weight: 600; color: #0b3d23; z-index: 20; pointer-events: none; }
.pv-drop[hidden] { display: none; }
@media (max-width: 800px) { .pv-main { flex-direction: column; } .pv-pane-frame { width: auto; height: 50vh; } }
`;

export function injectPreviewStyles(doc: Document): void {
  if (doc.getElementById('pv-styles')) return;
  const style = doc.createElement('style');
  style.id = 'pv-styles';
  style.textContent = CSS;
  doc.head.appendChild(style);
}
