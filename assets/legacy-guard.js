/*
 * ES5 on purpose: this runs before the add-in's bundles. Volume-licensed Excel 2016 (and 2019 on
 * older Windows 10) shows add-ins in Internet Explorer 11, which cannot run the ES2017 bundles. There
 * the pane shows a clear message instead of staying blank, and the ribbon buttons open a page that
 * says the same, instead of failing silently.
 */
(function () {
  'use strict';
  function modern() {
    try {
      // Promise, Symbol and async functions: what the bundles need before anything else.
      return (
        typeof Promise === 'function' && typeof Symbol === 'function' && !!new Function('return async function () {}')()
      );
    } catch (e) {
      return false;
    }
  }
  if (modern()) return;
  window.budgetCheckUnsupported = true;
  var zh = !/^en/i.test(navigator.language || navigator.userLanguage || '');
  var message = zh
    ? '此版本 Excel 使用的网页组件（Internet Explorer 11）过旧，无法运行“预算绩效表校验”。请使用 Excel 2021、Excel 2024、Microsoft 365 或 Excel 网页版；Excel 2019 需 Windows 10 1903 及以上版本。'
    : 'This Excel shows add-ins in Internet Explorer 11, which cannot run Budget Table Check. Use Excel 2021, 2024, Microsoft 365 or Excel for the web (Excel 2019 needs Windows 10 version 1903 or later).';
  window.budgetCheckUnsupportedMessage = message;

  function show() {
    var root = document.getElementById('app') || document.body;
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.cssText =
      'font-family: "Microsoft YaHei", "Segoe UI", sans-serif; font-size: 14px; margin: 16px; line-height: 1.6;';
    p.appendChild(document.createTextNode(message));
    root.appendChild(p);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();

  // Ribbon functions (function file): answer each click with the same message in a dialog.
  function unsupported(event) {
    try {
      var url = location.href.replace(/[^/]*$/, '') + 'assets/unsupported.html';
      Office.context.ui.displayDialogAsync(url, { height: 30, width: 30 });
    } catch (e) {
      /* no dialog API: nothing more to show */
    }
    if (event && event.completed) event.completed();
  }
  window.runCheck = unsupported;
  window.clearMarks = unsupported;
  if (window.Office && Office.onReady) {
    Office.onReady(function () {
      /* Office.actions does not exist on these clients; the global functions above are used. */
    });
  }
})();
