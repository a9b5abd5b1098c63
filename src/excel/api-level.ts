/**
 * Which ExcelApi requirement sets the running Excel has. Volume-licensed Excel 2016 stops at 1.1,
 * 2019 at 1.7, 2021 at 1.14, 2024 at 1.17; every feature below degrades instead of failing.
 */
import { BLOCK_BYTES } from './read-sheet';

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface ApiLevel {
  /** getUsedRange(valuesOnly), worksheet protection, autofitColumns. */
  v1_2: boolean;
  /** *OrNullObject getters. */
  v1_4: boolean;
  /** range.hyperlink. */
  v1_7: boolean;
  /** getCellProperties / setCellProperties, worksheet.getRanges, RangeFill.pattern. */
  v1_9: boolean;
  /** Threaded comments. */
  v1_10: boolean;
  /**
   * Notes (the classic yellow cell notes): the host has ExcelApi 1.18 AND the loaded client library
   * has the notes API. The registry's @microsoft/office-js (our intranet copy) has none, so a
   * Microsoft 365 host reporting 1.18 to that copy must fall back to comments.
   */
  notes: boolean;
  /**
   * Request bytes per write block and per read slice: BLOCK_BYTES on Excel on the web (it refuses
   * requests and responses over 5 MB), unbounded on desktop, where splitting would only cost round
   * trips.
   */
  blockBytes: number;
}

/** Does the Excel client library on the page have `worksheet.notes`? */
export function clientHasNotes(): boolean {
  try {
    return (
      typeof Excel !== 'undefined' && typeof Excel.Worksheet === 'function' && 'notes' in Excel.Worksheet.prototype
    );
  } catch {
    return false;
  }
}

export function apiLevel(
  isSetSupported: IsSetSupported,
  clientNotes: boolean = clientHasNotes(),
  web = true,
): ApiLevel {
  // The predicate may itself throw before Office is ready, or on hosts that lack it; treat as "no".
  const has = (v: string): boolean => {
    try {
      return isSetSupported('ExcelApi', v) === true;
    } catch {
      return false;
    }
  };
  return {
    v1_2: has('1.2'),
    v1_4: has('1.4'),
    v1_7: has('1.7'),
    v1_9: has('1.9'),
    v1_10: has('1.10'),
    notes: has('1.18') && clientNotes,
    blockBytes: web ? BLOCK_BYTES : Number.POSITIVE_INFINITY,
  };
}
