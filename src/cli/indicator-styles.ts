/**
 * The 指标明细 sheet's look, as cell formats appended to styles.xml the way the marks' fills are
 * (annotate-cells.ts): a bold copy and a link copy (underlined, hyperlink colour) of the workbook's
 * default font, and three `<xf>` — bold header, wrapped long text aligned to the top, link. Existing
 * fonts and formats keep their indices, so no cell of the user's sheets changes.
 */
import { appendItems, listBody, listItems } from './annotate-cells';
import { TAG_ATTRS, insertInOrder } from './ooxml';

export interface IndicatorStyles {
  /** Style indices (`s`) for the header row, wrapped long-text cells and the source-cell links. */
  header: number;
  wrap: number;
  link: number;
}

const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/></font>';

/** The font with `children` first and the named child elements removed (`<b/>`, `<color …/>`). */
function fontWith(font: string, children: string, drop: readonly string[]): string {
  const open = new RegExp(`^<((?:\\w+:)?)font\\b${TAG_ATTRS}(/?)>`).exec(font);
  if (!open) return `<font>${children}</font>`;
  const p = open[1];
  let inner = open[2] === '/' ? '' : font.slice(open[0].length, font.lastIndexOf('<'));
  for (const name of drop)
    inner = inner.replace(new RegExp(`<${p}${name}\\b${TAG_ATTRS}(?:/>|>[\\s\\S]*?</${p}${name}>)`, 'g'), '');
  const prefixed = children.replace(/<(\w)/g, `<${p}$1`);
  return `<${p}font>${prefixed}${inner}</${p}font>`;
}

/** styles.xml with the indicator sheet's fonts and formats, and their indices. */
export function addIndicatorStyles(stylesXml: string): { xml: string; styles: IndicatorStyles } {
  let xml = stylesXml;
  let bold = 0;
  let link = 0;
  const p = new RegExp(`<((?:\\w+:)?)styleSheet\\b`).exec(xml)?.[1] ?? '';
  const prefixed = (x: string) => x.replace(/<(\/?)(\w)/g, `<$1${p}$2`);
  // Without `<fonts>` every cell has the default font: it becomes font 0, ours follow.
  if (!listBody(xml, 'fonts')) xml = insertInOrder(xml, 'fonts', prefixed(`<fonts count="1">${DEFAULT_FONT}</fonts>`));
  const fonts = listBody(xml, 'fonts');
  if (fonts) {
    const base = listItems(fonts.inner, 'font')[0] ?? DEFAULT_FONT;
    const r = appendItems(xml, 'fonts', [
      fontWith(base, '<b/>', ['b']),
      fontWith(base, '<u/><color theme="10"/>', ['u', 'color']),
    ]);
    xml = r.xml;
    bold = r.before;
    link = r.before + 1;
  }
  const xfs = [
    `<xf numFmtId="0" fontId="${bold}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center"/></xf>`,
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
    `<xf numFmtId="0" fontId="${link}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>`,
  ];
  // Without `<cellXfs>` every cell has the default format: it becomes index 0, ours follow.
  if (!listBody(xml, 'cellXfs'))
    xml = insertInOrder(
      xml,
      'cellXfs',
      prefixed('<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'),
    );
  // A prefixed part (`<x:cellXfs>`) gets prefixed elements.
  const xp = listBody(xml, 'cellXfs')?.prefix ?? p;
  const r = appendItems(
    xml,
    'cellXfs',
    xfs.map((x) => x.replace(/<(\/?)(\w)/g, `<$1${xp}$2`)),
  );
  return { xml: r.xml, styles: { header: r.before, wrap: r.before + 1, link: r.before + 2 } };
}
