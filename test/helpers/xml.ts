/**
 * A tiny XML reader for tests: elements, attributes, text; comments, processing instructions,
 * CDATA and the DOCTYPE are skipped or kept as text. Enough for manifest.xml; throws on
 * malformed nesting so a broken manifest fails loudly.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`unknown entity ${m}`);
    return v;
  });
}

export function parseXml(src: string): XmlElement {
  let i = 0;
  const lineAt = (pos: number) => src.slice(0, pos).split('\n').length;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1];
  while (i < src.length) {
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
    } else if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i);
      if (end < 0) throw new Error('unterminated processing instruction');
      i = end + 2;
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i);
      if (end < 0) throw new Error('unterminated CDATA');
      top().text += src.slice(i + 9, end);
      i = end + 3;
    } else if (src.startsWith('<!', i)) {
      const end = src.indexOf('>', i);
      i = end + 1;
    } else if (src.startsWith('</', i)) {
      const end = src.indexOf('>', i);
      const name = src.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`line ${lineAt(i)}: </${name}> closes <${open?.name}>`);
      i = end + 1;
    } else if (src[i] === '<') {
      const start = i;
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(src.slice(i, i + 200));
      if (!m) throw new Error(`line ${lineAt(i)}: bad tag`);
      i += m[0].length;
      const el: XmlElement = { name: m[1], attrs: {}, children: [], text: '', line: lineAt(start) };
      const attrRe = /\s*([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\/?>)/y;
      for (;;) {
        attrRe.lastIndex = i;
        const a = attrRe.exec(src);
        if (!a) throw new Error(`line ${lineAt(i)}: bad attribute in <${el.name}>`);
        i = attrRe.lastIndex;
        if (a[5]) {
          top().children.push(el);
          if (a[5] === '>') stack.push(el);
          break;
        }
        if (a[1] in el.attrs) throw new Error(`line ${el.line}: duplicate attribute ${a[1]}`);
        el.attrs[a[1]] = decode(a[3] ?? a[4] ?? '');
      }
    } else {
      const next = src.indexOf('<', i);
      const end = next < 0 ? src.length : next;
      top().text += decode(src.slice(i, end));
      i = end;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${top().name}>`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error('expected exactly one root element');
  return elements[0];
}

/** Local name without a namespace prefix: `bt:Image` → `Image`. */
export function local(name: string): string {
  const c = name.indexOf(':');
  return c < 0 ? name : name.slice(c + 1);
}

export function children(el: XmlElement, name?: string): XmlElement[] {
  return name === undefined ? el.children : el.children.filter((c) => local(c.name) === name);
}

export function child(el: XmlElement, name: string): XmlElement {
  const found = children(el, name);
  if (found.length !== 1)
    throw new Error(`<${el.name}> line ${el.line}: expected one <${name}>, found ${found.length}`);
  return found[0];
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
