/**
 * The ribbon's function file (manifest FunctionFile → commands.html).
 *
 *  一键校验 (runCheck)   check the active sheet, mark it, remember a summary, show the result.
 *  清除标记 (clearMarks) remove this add-in's marks from the workbook.
 *
 * The function file runs in its own runtime, separate from the pane (the manifest declares no shared
 * runtime, so it loads in Excel 2016+). The two meet through localStorage: the summary goes to
 * LAST_RESULT_KEY, and an open pane hears the `storage` event and refreshes.
 *
 * Showing the result: a small dialog (result.html), whether or not the pane is open (an open pane
 * also refreshes itself). Opening the pane from here would need a shared runtime, which would
 * shut out Excel 2016/2019. event.completed() is called on every path, after the dialog closes
 * (completing earlier can unload this page and the dialog with it).
 */
import { runCheck } from '../app/actions';
import { pickLocale, type Locale } from '../core/messages/locale';
import { createExcelWorkbook } from '../excel';
import { officeReady } from '../office-ready';
import { LAST_RESULT_KEY, clearedResult, dialogUrl, errorResult, summarize, type LastResult } from './summary';

/**
 * Office ends a function command's runtime 5 minutes after the click, completed or not: the dialog
 * is closed before that, counting from the click (a long check leaves the dialog less time).
 */
const COMMAND_BUDGET_MS = 4.5 * 60 * 1000;

interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

let busy = false;

function currentLocale(): Locale {
  try {
    return pickLocale(Office.context.displayLanguage);
  } catch {
    return 'zh-CN';
  }
}

function remember(r: LastResult): void {
  try {
    window.localStorage.setItem(LAST_RESULT_KEY, JSON.stringify(r));
  } catch {
    // storage disabled by policy: the dialog still gets the summary through its URL
  }
}

function isSupported(set: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
}

/**
 * Shows the summary in a dialog; resolves when it is closed, could not open, or the command's time
 * is up. (Opening the pane instead would need a shared runtime, which this add-in does not declare:
 * an open pane refreshes itself from localStorage.)
 */
function showDialog(r: LastResult, deadline: number): Promise<void> {
  return new Promise((resolve) => {
    if (!isSupported('DialogApi', '1.1')) {
      resolve(); // Excel 2016 RTM: the summary waits in localStorage for the pane
      return;
    }
    try {
      Office.context.ui.displayDialogAsync(
        dialogUrl(r, window.location.href),
        { height: 40, width: 30, displayInIframe: true },
        (res) => {
          if (res.status !== Office.AsyncResultStatus.Succeeded) {
            resolve();
            return;
          }
          const dialog = res.value;
          let settled = false;
          const done = (): void => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            try {
              dialog.close();
            } catch {
              // already closed by the clerk
            }
            resolve();
          };
          const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
          dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
        },
      );
    } catch {
      resolve();
    }
  });
}

export async function runCheckCommand(event: CommandEvent): Promise<void> {
  if (busy) {
    event.completed(); // a second click while the first check runs
    return;
  }
  busy = true;
  const deadline = Date.now() + COMMAND_BUDGET_MS;
  const locale = currentLocale();
  try {
    let result: LastResult;
    try {
      result = summarize(await runCheck(createExcelWorkbook(locale), locale), locale);
      remember(result);
    } catch (err) {
      result = errorResult(err, locale);
    }
    await showDialog(result, deadline);
  } catch {
    // never let a failure here skip event.completed()
  } finally {
    busy = false;
    event.completed();
  }
}

export async function clearMarksCommand(event: CommandEvent): Promise<void> {
  const deadline = Date.now() + COMMAND_BUDGET_MS;
  const locale = currentLocale();
  try {
    await createExcelWorkbook(locale).clearMarks();
    remember(clearedResult(locale));
  } catch (err) {
    await showDialog(errorResult(err, locale), deadline).catch(() => undefined);
  } finally {
    event.completed();
  }
}

const COMMANDS: Record<string, (event: CommandEvent) => Promise<void>> = {
  runCheck: runCheckCommand,
  clearMarks: clearMarksCommand,
};

// Older clients look ExecuteFunction names up on the global object; newer ones use associate().
for (const [name, fn] of Object.entries(COMMANDS)) {
  (window as unknown as Record<string, unknown>)[name] = fn;
}

officeReady()
  .then(() => {
    if (typeof Office.actions?.associate === 'function') {
      for (const [name, fn] of Object.entries(COMMANDS)) Office.actions.associate(name, fn);
    }
  })
  .catch(() => undefined);
