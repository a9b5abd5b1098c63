/**
 * What the preview says when a workbook cannot be opened: the command line's very sentence for the
 * same fault (src/cli/messages.ts), so a clerk and a reviewer read the same words about one file.
 */
import { cliMessages } from '../cli/messages';
import type { Locale } from '../core/messages/locale';

export type LoadFailure = 'not-xlsx' | 'xls' | 'corrupt' | 'empty' | 'too-large' | 'other';

export function loadErrorText(reason: LoadFailure, file: string, locale: Locale, other: string): string {
  const m = cliMessages(locale);
  switch (reason) {
    case 'not-xlsx':
    case 'corrupt':
      return m.notWorkbook(file);
    case 'xls':
      return m.oldOrEncrypted(file);
    case 'empty':
      return m.emptyWorkbook(file);
    case 'too-large':
      return m.zipBomb(file);
    default:
      return other;
  }
}
