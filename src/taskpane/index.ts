/**
 * The task pane's entry point inside Excel: wait for Office.js (CDN or the local fallback copy),
 * pick the clerk's language, and mount the pane over the Excel gateway.
 */
import { pickLocale, type Locale } from '../core/messages/locale';
import { createExcelWorkbook } from '../excel';
import { officeReady } from '../office-ready';
import { mountPane } from './pane';
import { strings } from './strings';

function showOnly(root: HTMLElement, text: string): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  const p = document.createElement('p');
  p.className = 'bc-boot-message';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  root.appendChild(p);
}

function guessLocale(): Locale {
  return pickLocale(typeof navigator === 'undefined' ? null : navigator.language);
}

async function main(): Promise<void> {
  const root = document.getElementById('app') ?? document.body;
  let info: Awaited<ReturnType<typeof officeReady>>;
  try {
    info = await officeReady();
  } catch {
    showOnly(root, strings(guessLocale()).officeMissing);
    return;
  }
  let locale: Locale;
  try {
    locale = pickLocale(Office.context.displayLanguage);
  } catch {
    locale = guessLocale();
  }
  document.documentElement.lang = locale;
  if (info.host !== Office.HostType.Excel) {
    showOnly(root, strings(locale).notInExcel);
    return;
  }
  document.title = strings(locale).title;
  mountPane(root, createExcelWorkbook(locale), locale);
}

void main();
