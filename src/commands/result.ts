/**
 * The result dialog opened by the 一键校验 / 清除标记 commands. It reads the summary from its URL
 * (`?r=<json>`), else from localStorage, accepts it only if it has the exact expected shape, and
 * writes it with textContent: the sheet name is user data.
 */
import { pickLocale } from '../core/messages/locale';
import { officeReady } from '../office-ready';
import { LAST_RESULT_KEY, parseLastResult, type LastResult } from './summary';
import { closeLabel, resultText } from './summary-text';

export const CLOSE_MESSAGE = 'close';

function readResult(): LastResult | null {
  const fromUrl = parseLastResult(new URLSearchParams(window.location.search).get('r'));
  if (fromUrl) return fromUrl;
  try {
    return parseLastResult(window.localStorage.getItem(LAST_RESULT_KEY));
  } catch {
    return null; // storage can be disabled by policy
  }
}

function render(r: LastResult | null): void {
  const locale = r ? r.locale : pickLocale(navigator.language);
  const text = r
    ? resultText(r)
    : { title: locale === 'en-US' ? 'No result to show' : '没有可显示的结果', lines: [], tone: 'info' as const };
  document.documentElement.lang = locale;
  const main = document.getElementById('result');
  if (main) main.className = `tone-${text.tone}`;
  const title = document.getElementById('title');
  if (title) title.textContent = text.title;
  const list = document.getElementById('lines');
  if (list) {
    list.replaceChildren();
    text.lines.forEach((line, i) => {
      const li = document.createElement('li');
      li.textContent = line;
      if (r && i === text.lines.length - 1) li.className = 'time';
      list.appendChild(li);
    });
  }
  const button = document.getElementById('close');
  if (button) {
    button.textContent = closeLabel(locale);
    button.addEventListener('click', close);
    button.focus();
  }
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' || e.key === 'Enter') close();
  });
}

function close(): void {
  try {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) {
      Office.context.ui.messageParent(CLOSE_MESSAGE);
      return;
    }
  } catch {
    // fall through: not inside an Office dialog (opened directly in a browser)
  }
  window.close();
}

function start(): void {
  render(readResult());
  // messageParent needs Office initialised; the dialog shows its text before that.
  officeReady().catch(() => undefined);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
