/**
 * One XML part → events for a handler, through saxes (the tokenizer ExcelJS itself uses). Bytes
 * come in chunks; a streaming TextDecoder keeps a character split across two chunks whole. Element
 * names are reduced to their local name (`x:c` → `c`), since some writers prefix SpreadsheetML.
 * A DOCTYPE is refused: no workbook needs one, and it is how entity bombs start.
 */
import { SaxesParser } from 'saxes';
import { XlsxReadError } from './errors';
import { BOMB_MESSAGE, type PartSink } from './unzip';

export type Attrs = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attrs): void;
  text(text: string): void;
  close(name: string): void;
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by local name, whatever its prefix (`r:id`, `ns1:id`). */
export function prefixedAttr(attrs: Attrs, local: string): string | undefined {
  for (const k in attrs) if (k.endsWith(`:${local}`)) return attrs[k];
  return undefined;
}

/**
 * Bytes a part may hold between two parser events (a tag, a text node). A cell's text is at most
 * 32,767 characters, so a run this long is padding: saxes would gather it into one string, and a
 * 2 MB file whose sheet streams 190 MB of spaces (under the ratio cap) peaked at 524 MB before.
 */
export const MAX_RUN_BYTES = 16 * 1024 * 1024;

/**
 * A sink that parses the part and hands events to the handler `choose` picks from the root
 * element's name; a part whose root it does not want is dropped unparsed from there on.
 */
export function xmlSink(choose: (root: string) => XmlHandler | undefined): PartSink {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const decoder = new TextDecoder('utf-8');
  let handler: XmlHandler | undefined;
  let decided = false;
  let run = 0;
  parser.on('doctype', () => {
    throw new XlsxReadError('corrupt', 'DOCTYPE in a workbook part');
  });
  parser.on('opentag', (node) => {
    const name = localName(node.name);
    if (!decided) {
      decided = true;
      handler = choose(name);
    }
    run = 0;
    handler?.open(name, node.attributes as Attrs);
  });
  parser.on('text', (t) => {
    run = 0;
    handler?.text(t);
  });
  parser.on('cdata', (t) => {
    run = 0;
    handler?.text(t);
  });
  parser.on('closetag', (node) => {
    run = 0;
    handler?.close(localName(node.name));
  });
  // saxes reports malformed XML by throwing a plain Error: that is a corrupt part.
  const guarded = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      if (e instanceof XlsxReadError) throw e;
      throw new XlsxReadError('corrupt', e instanceof Error ? e.message : String(e));
    }
  };
  return {
    data(chunk) {
      if (decided && !handler) return;
      run += chunk.length;
      guarded(() => parser.write(decoder.decode(chunk, { stream: true })));
      if (run > MAX_RUN_BYTES) throw new XlsxReadError('too-large', BOMB_MESSAGE);
    },
    end() {
      if (decided && !handler) return;
      guarded(() => {
        parser.write(decoder.decode());
        parser.close();
      });
    },
  };
}

/** OOXML's escape for characters XML cannot hold: `_x001B_` is ESC. `_x005F_` escapes the `_`. */
export function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
