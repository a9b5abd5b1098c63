/**
 * The smallest page that mounts the real task pane, for the first-render benchmark
 * (scripts/bench/pane.ts): the pane over the preview's in-memory workbook with its built-in sample,
 * without ExcelJS and without Office.js (whose load time is Microsoft's CDN, not ours).
 */
import { mountPane } from '../../src/taskpane/pane';
import { PreviewWorkbook } from '../../src/preview/preview-workbook';
import { builtInSample } from '../../src/preview/sample-data';

function start(): void {
  const root = document.getElementById('app') ?? document.body;
  mountPane(root, new PreviewWorkbook(builtInSample(), 'zh-CN'), 'zh-CN', { storageWindow: null });
  performance.mark('pane-mounted');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
