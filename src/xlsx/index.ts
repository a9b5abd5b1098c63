/** The workbook reader shared by the CLI and the browser preview. */
export { readWorkbook, isOle, type ReadOptions, type SheetRead, type SheetPresentation, type CellLook } from './read';
export { XlsxReadError, MAX_ROWS, MAX_COLUMNS, type XlsxFailure } from './errors';
export { DEFAULT_LIMITS, type UnzipLimits, type WholeInflate } from './unzip';
export { formatDate } from './dates';
