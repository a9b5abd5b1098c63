/**
 * Why bytes could not be read as a workbook. Each reason has its own message for the clerk: "too
 * large" is not "not a workbook", and an .ods is neither.
 */
export type XlsxFailure =
  /** Not a zip at all. */
  | 'not-zip'
  /** An OLE compound file: a legacy .xls / .et, or an .xlsx with an open password. */
  | 'ole'
  /** A zip, but an OpenDocument or Apple Numbers package, not a workbook. */
  | 'ods'
  | 'numbers'
  /** The parts the check reads would inflate past the caps: a zip bomb, or absurdly large. */
  | 'too-large'
  /** A row or column number beyond Excel's limits (1,048,576 rows, 16,384 columns). */
  | 'beyond-limits'
  /** A zip whose parts are missing or malformed. */
  | 'corrupt';

export class XlsxReadError extends Error {
  constructor(
    readonly reason: XlsxFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'XlsxReadError';
  }
}

/** Excel's own limits: a cell beyond them cannot come from Excel or be shown by it. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
