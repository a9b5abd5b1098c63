/**
 * A file's bytes → its grids, or the clerk's reason why not. .xlsx / .xlsm go through the shared
 * reader; .xls through the legacy reader, loaded only then. Each failure has its own message: a
 * zip bomb is "too large", not "not a workbook"; an .ods or .numbers is named as such.
 */
import type { Grid } from '../core/grid';
import { XlsxReadError } from '../xlsx';
import type { CliMessages } from './messages';
import { readGrids } from './read-xlsx';

/** A workbook that cannot be used, with the one-line reason for stderr. */
export class UnreadableWorkbook extends Error {}

const isLegacyXls = (file: string): boolean => /\.xls$/i.test(file);

export async function openGrids(file: string, data: Uint8Array, msg: CliMessages): Promise<Grid[]> {
  if (/\.et$/i.test(file)) throw new UnreadableWorkbook(msg.otherFormat(file, 'WPS 表格 (.et)'));
  try {
    if (isLegacyXls(file)) {
      const { readXlsGrids } = await import('./read-xls');
      return readXlsGrids(data);
    }
    return readGrids(data);
  } catch (e) {
    throw new UnreadableWorkbook(failureMessage(e, file, msg));
  }
}

export function failureMessage(e: unknown, file: string, msg: CliMessages): string {
  if (!(e instanceof XlsxReadError)) return msg.notWorkbook(file);
  switch (e.reason) {
    case 'ole':
      return isLegacyXls(file) ? msg.notWorkbook(file) : msg.oldOrEncrypted(file);
    case 'ods':
      return msg.otherFormat(file, 'OpenDocument (.ods)');
    case 'numbers':
      return msg.otherFormat(file, 'Apple Numbers (.numbers)');
    case 'too-large':
      return msg.zipBomb(file);
    case 'beyond-limits':
      return msg.beyondLimits(file);
    default:
      return msg.notWorkbook(file);
  }
}
