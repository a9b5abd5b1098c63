/**
 * The notes API of a newer Excel client library (ExcelApi 1.18: `worksheet.notes`, `NoteCollection`,
 * `Note`), added to the registry's client, which has none. Microsoft's CDN serves a client with it;
 * the registry's 1.1.110 (our intranet copy) does not. Built with the library's own batch helpers
 * (`OfficeExtension.BatchApiHelper`), exactly as its CommentCollection / Comment are, so requests
 * carry the same shape; the wire names (`Notes`, `Add`, `GetItemOrNullObject`, `Content`,
 * `Delete`) follow the documented members. Unverified against a real newer client: its bytes per
 * operation are taken to equal the comment ones they mirror.
 */
import { loadClient } from './client';

interface Helpers {
  createPropertyObject(type: unknown, parent: unknown, name: string, isCollection: boolean, flags: number): unknown;
  createMethodObject(
    type: unknown,
    parent: unknown,
    name: string,
    op: number,
    args: unknown[],
    isCollection: boolean,
    invalidAfterRequest: boolean,
    getById: string | null,
    flags: number,
  ): unknown;
  invokeMethod(obj: unknown, name: string, op: number, args: unknown[], flags: number, resultType: number): unknown;
  invokeSetProperty(obj: unknown, name: string, value: unknown, flags: number): void;
  createChildItemObject(
    type: unknown,
    hasIndexer: boolean,
    parent: unknown,
    data: unknown,
    index: number,
  ): { _handleResult(v: unknown): void };
}

interface Utility {
  load(obj: unknown, options: unknown): unknown;
  throwIfNotLoaded(name: string, value: unknown, type: string, isNull: boolean): void;
  fixObjectPathIfNecessary(obj: unknown, value: unknown): void;
}

type Ctor = new (...args: unknown[]) => Record<string, unknown>;

let notesDescriptor: PropertyDescriptor | null = null;

function build(): PropertyDescriptor {
  const { Excel: X, OfficeExtension: OE } = loadClient();
  const H = (OE as unknown as { BatchApiHelper: Helpers }).BatchApiHelper;
  const U = (OE as unknown as { Utility: Utility }).Utility;
  const Base = (OE as unknown as { ClientObject: Ctor }).ClientObject;

  class Note extends Base {
    get _className(): string {
      return 'Note';
    }
    get _scalarPropertyNames(): string[] {
      return ['content'];
    }
    get _scalarPropertyOriginalNames(): string[] {
      return ['Content'];
    }
    get _scalarPropertyUpdateable(): boolean[] {
      return [true];
    }
    get content(): unknown {
      U.throwIfNotLoaded('content', this._C, 'Note', this._isNull as boolean);
      return this._C;
    }
    set content(v: unknown) {
      this._C = v;
      H.invokeSetProperty(this, 'Content', v, 0);
    }
    delete(): void {
      H.invokeMethod(this, 'Delete', 0, [], 0, 0);
    }
    _handleResult(value: unknown): void {
      (Base.prototype as unknown as { _handleResult(v: unknown): void })._handleResult.call(this, value);
      if (value === null || value === undefined) return;
      U.fixObjectPathIfNecessary(this, value);
      const o = value as Record<string, unknown>;
      if (o.Content !== undefined) this._C = o.Content;
    }
    load(options?: unknown): unknown {
      return U.load(this, options);
    }
  }

  class NoteCollection extends Base {
    get _className(): string {
      return 'NoteCollection';
    }
    get _isCollection(): boolean {
      return true;
    }
    add(cellAddress: string, content: unknown): unknown {
      return H.createMethodObject(Note, this, 'Add', 0, [cellAddress, content], false, true, null, 0);
    }
    getItemOrNullObject(key: string): unknown {
      return H.createMethodObject(Note, this, 'GetItemOrNullObject', 1, [key], false, false, null, 4);
    }
    load(options?: unknown): unknown {
      return U.load(this, options);
    }
  }

  Object.assign(X as unknown as Record<string, unknown>, { Note, NoteCollection });
  return {
    configurable: true,
    get(this: { m_notes?: unknown }) {
      this.m_notes ??= H.createPropertyObject(NoteCollection, this, 'Notes', true, 4);
      return this.m_notes;
    },
  };
}

/** Installs or removes `worksheet.notes` on the loaded client (a file may test both clients). */
export function useNotesClient(on: boolean): void {
  const proto = loadClient().Excel.Worksheet.prototype;
  if (on) {
    notesDescriptor ??= build();
    Object.defineProperty(proto, 'notes', notesDescriptor);
  } else if (Object.getOwnPropertyDescriptor(proto, 'notes')) {
    delete (proto as unknown as Record<string, unknown>).notes;
  }
}
