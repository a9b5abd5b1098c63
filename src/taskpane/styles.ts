/**
 * The pane's stylesheet, injected once as a <style> element. It lives in TypeScript because the
 * bundle has no CSS loader and the preview page mounts the same pane. The values are Fluent UI v9's
 * web-light tokens, so the pane looks like the rest of Office without shipping Fluent's runtime.
 */

const CSS = `
.bc-pane {
  --bc-brand: #0f6cbd; --bc-brand-hover: #115ea3; --bc-brand-pressed: #0c3b5e;
  --bc-fg1: #242424; --bc-fg2: #424242; --bc-fg3: #616161; --bc-fg-disabled: #bdbdbd;
  --bc-bg1: #ffffff; --bc-bg1-hover: #f5f5f5; --bc-bg1-pressed: #e0e0e0; --bc-bg1-selected: #ebebeb;
  --bc-bg2: #fafafa; --bc-bg3: #f5f5f5; --bc-bg-disabled: #f0f0f0;
  --bc-stroke1: #d1d1d1; --bc-stroke1-hover: #c7c7c7; --bc-stroke2: #e0e0e0; --bc-stroke-disabled: #e0e0e0;
  --bc-focus-outer: #000000; --bc-focus-inner: #ffffff;
  --bc-danger-fg: #b10e1c; --bc-danger-bg: #fdf3f4; --bc-danger-border: #eeacb2;
  --bc-warning-fg: #8a3707; --bc-warning-bg: #fff9f5; --bc-warning-border: #fdcfb4;
  --bc-info-fg: #0f6cbd; --bc-info-bg: #ebf3fc; --bc-info-border: #b4d6fa;
  --bc-success-fg: #0e700e; --bc-success-bg: #f1faf1; --bc-success-border: #9fd89f;
  --bc-radius: 4px; --bc-radius-large: 6px;
  font-family: "Segoe UI", "Segoe UI Web (West European)", "Microsoft YaHei", "微软雅黑", "PingFang SC",
    -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif;
  font-size: 14px; line-height: 20px; color: var(--bc-fg1); background: var(--bc-bg1);
  display: flex; flex-direction: column; gap: 12px; padding: 12px 14px 16px; box-sizing: border-box;
  min-height: 100%;
}
.bc-pane *, .bc-pane *::before, .bc-pane *::after { box-sizing: border-box; }
/* Author rules such as .bc-filters { display: flex } beat the UA's [hidden]: restore it. */
.bc-pane [hidden] { display: none !important; }
.bc-pane h1 { font-size: 20px; line-height: 28px; font-weight: 600; margin: 0; }
.bc-pane h2 { font-size: 14px; line-height: 20px; font-weight: 600; margin: 0; }
.bc-subtitle { color: var(--bc-fg3); font-size: 12px; line-height: 16px; margin: 2px 0 0; }
.bc-toolbar, .bc-filters, .bc-nav, .bc-detail-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }

.bc-button {
  font: inherit; font-weight: 600; min-height: 32px; min-width: 64px; padding: 5px 12px;
  border-radius: var(--bc-radius); border: 1px solid var(--bc-stroke1); background: var(--bc-bg1);
  color: var(--bc-fg1); cursor: pointer; display: inline-flex; align-items: center; justify-content: center; gap: 6px;
  transition: background-color .1s cubic-bezier(.33,0,.67,1), border-color .1s;
}
.bc-button:hover { background: var(--bc-bg1-hover); border-color: var(--bc-stroke1-hover); }
.bc-button:active { background: var(--bc-bg1-pressed); }
.bc-button.bc-primary { background: var(--bc-brand); border-color: transparent; color: #fff; }
.bc-button.bc-primary:hover { background: var(--bc-brand-hover); }
.bc-button.bc-primary:active { background: var(--bc-brand-pressed); }
.bc-button.bc-small { min-height: 24px; min-width: 0; padding: 1px 8px; font-size: 12px; line-height: 16px; }
.bc-button.bc-subtle { border-color: transparent; background: transparent; }
.bc-button.bc-subtle:hover { background: var(--bc-bg1-hover); }
.bc-button[disabled], .bc-button[disabled]:hover {
  background: var(--bc-bg-disabled); border-color: var(--bc-stroke-disabled); color: var(--bc-fg-disabled); cursor: not-allowed;
}
.bc-toggle[aria-pressed="true"] { background: var(--bc-bg1-selected); border-color: var(--bc-stroke1); }
.bc-toggle[aria-pressed="false"] { color: var(--bc-fg3); font-weight: 400; text-decoration: line-through; }
/* Sized here, once: a dot in a flex or baseline row (the detail header) otherwise shrinks to 0x0. */
.bc-dot { display: inline-block; flex: none; width: 8px; height: 8px; border-radius: 50%; }

/* Fluent's focus indicator: a 2px dark ring inside a 1px light one, keyboard focus only. */
.bc-pane :focus { outline: none; }
.bc-pane :focus-visible {
  outline: 2px solid var(--bc-focus-outer); outline-offset: 1px; box-shadow: 0 0 0 1px var(--bc-focus-inner) inset;
}

.bc-progress { display: flex; flex-direction: column; gap: 4px; }
.bc-progress[hidden] { display: none; }
.bc-progress-label { font-size: 12px; line-height: 16px; color: var(--bc-fg2); }
.bc-progress-track { position: relative; height: 2px; background: var(--bc-stroke2); overflow: hidden; border-radius: 1px; }
.bc-progress-fill { position: absolute; top: 0; bottom: 0; left: 0; background: var(--bc-brand); width: 0; transition: width .2s; }
.bc-progress.bc-indeterminate .bc-progress-fill { width: 33%; animation: bc-indeterminate 1.2s linear infinite; }
@keyframes bc-indeterminate { from { left: -33%; } to { left: 100%; } }
@media (prefers-reduced-motion: reduce) {
  .bc-progress.bc-indeterminate .bc-progress-fill { animation-duration: 3s; }
}

.bc-message { border: 1px solid; border-radius: var(--bc-radius); padding: 8px 12px; font-size: 13px;
  display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: center; }
.bc-message > span { flex: 1 1 12em; overflow-wrap: anywhere; }
.bc-message[hidden] { display: none; }
.bc-message.bc-error { background: var(--bc-danger-bg); border-color: var(--bc-danger-border); color: var(--bc-fg1); }
.bc-message.bc-notice { background: var(--bc-info-bg); border-color: var(--bc-info-border); }
.bc-message.bc-success { background: var(--bc-success-bg); border-color: var(--bc-success-border); }

.bc-summary { font-weight: 600; font-size: 14px; }
.bc-summary:empty { display: none; }
.bc-summary .bc-sev-error { color: var(--bc-danger-fg); }

.bc-fixes { display: flex; flex-direction: column; gap: 4px; }
.bc-fixes:empty { display: none; }
.bc-fix-row { display: flex; gap: 8px; align-items: center; font-size: 12px; background: var(--bc-success-bg);
  border: 1px solid var(--bc-success-border); border-radius: var(--bc-radius); padding: 4px 8px; }
.bc-fix-row span { flex: 1; min-width: 0; overflow-wrap: anywhere; }

.bc-nav-position { color: var(--bc-fg3); font-size: 12px; margin-left: auto; }

.bc-detail { border: 1px solid var(--bc-stroke2); border-radius: var(--bc-radius-large); padding: 10px 12px;
  background: var(--bc-bg2); display: flex; flex-direction: column; gap: 6px; }
.bc-detail[hidden] { display: none; }
.bc-detail-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.bc-detail-message { white-space: pre-wrap; overflow-wrap: anywhere; }
.bc-detail dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0; font-size: 12px; }
.bc-detail dt { color: var(--bc-fg3); }
.bc-detail dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }

.bc-list { border: 1px solid var(--bc-stroke2); border-radius: var(--bc-radius-large); background: var(--bc-bg1);
  max-height: 60vh; overflow: auto; padding: 4px 0; }
.bc-list:empty { display: none; }
/* Thousands of groups: the browser lays out only the ones near the view (a full layout is a long task). */
.bc-list > [role="group"] { content-visibility: auto; contain-intrinsic-size: auto 96px; }
.bc-group-head { display: flex; justify-content: space-between; gap: 8px; padding: 6px 12px 2px; font-size: 12px;
  line-height: 16px; font-weight: 600; color: var(--bc-fg2); position: sticky; top: -4px; background: var(--bc-bg1); }
.bc-group-head span:first-child { overflow-wrap: anywhere; }
.bc-group-count { color: var(--bc-fg3); font-weight: 400; white-space: nowrap; }
.bc-option { display: grid; grid-template-columns: 12px 1fr; gap: 2px 8px; padding: 6px 12px; cursor: pointer;
  border-left: 3px solid transparent; align-items: baseline; }
.bc-option:hover { background: var(--bc-bg1-hover); }
.bc-option[aria-selected="true"] { background: var(--bc-bg1-selected); border-left-color: var(--bc-brand); }
.bc-option:focus-visible { outline-offset: -2px; }
.bc-option .bc-dot { align-self: center; }
.bc-detail-head .bc-dot { align-self: center; }
.bc-detail dd.bc-more { color: var(--bc-fg3); font-family: Consolas, "Cascadia Mono", monospace; font-size: 11px; }
.bc-cell { font-family: Consolas, "Cascadia Mono", "Courier New", monospace; font-size: 12px; font-weight: 600; }
.bc-option-message { grid-column: 2 / 3; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }
.bc-badge { grid-column: 2 / 3; justify-self: start; font-size: 11px; line-height: 14px; padding: 0 6px;
  border-radius: 10px; background: var(--bc-success-bg); color: var(--bc-success-fg); border: 1px solid var(--bc-success-border); }
.bc-dot.bc-sev-error { background: #d13438; }
.bc-dot.bc-sev-warning { background: #f7630c; }
.bc-dot.bc-sev-info { background: #0f6cbd; }
.bc-option.bc-accepted { color: var(--bc-fg3); }
.bc-option.bc-accepted .bc-dot { opacity: .4; }
.bc-badge.bc-badge-accepted { background: var(--bc-bg3); color: var(--bc-fg2); border-color: var(--bc-stroke1); }
.bc-accept { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.bc-input { font: inherit; font-size: 12px; min-height: 24px; padding: 1px 6px; flex: 1 1 10em; min-width: 0;
  border: 1px solid var(--bc-stroke1); border-bottom-color: var(--bc-fg3); border-radius: var(--bc-radius); }
.bc-empty { color: var(--bc-fg3); font-size: 13px; padding: 4px 0; }
.bc-empty:empty { display: none; }

.bc-shortcuts { font-size: 12px; color: var(--bc-fg3); }
.bc-shortcuts summary { cursor: pointer; border-radius: var(--bc-radius); width: fit-content; padding: 0 2px; }
.bc-shortcuts table { border-collapse: collapse; margin-top: 4px; }
.bc-shortcuts td { padding: 1px 8px 1px 0; vertical-align: top; }
.bc-shortcuts kbd { font-family: inherit; font-weight: 600; color: var(--bc-fg2); }
.bc-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

const STYLE_ID = 'bc-pane-styles';

export function injectPaneStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}
