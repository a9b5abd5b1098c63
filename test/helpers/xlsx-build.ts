/**
 * Builds small .xlsx packages by hand, part by part, for the cases a writer library cannot make:
 * rows without `r=`, far-away cells, prefixed elements, zip bombs.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface SheetSpec {
  name: string;
  /** The `<sheetData>` content and anything after it (mergeCells, …). */
  xml: string;
  /** Raw XML placed before `<sheetData>` (cols, …). */
  before?: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function buildXlsx(
  sheets: SheetSpec[],
  extra: { sharedStrings?: string[]; styles?: string; parts?: Zippable } = {},
): Uint8Array {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${R}"><sheets>${sheets
        .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join(
          '',
        )}<Relationship Id="rS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0"?><sst xmlns="${NS}">${(extra.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
    ),
    'xl/styles.xml': strToU8(
      extra.styles ??
        `<?xml version="1.0"?><styleSheet xmlns="${NS}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><worksheet xmlns="${NS}" xmlns:r="${R}">${s.before ?? ''}<sheetData>${s.xml}</sheetData></worksheet>`,
    );
  });
  Object.assign(files, extra.parts ?? {});
  return zipSync(files, { level: 1 });
}

/** A styles part with the given cell formats: [numFmtId, indent?]; custom codes from 164. */
export function stylesXml(xfs: [number, number?][], custom: Record<number, string> = {}): string {
  const fmts = Object.entries(custom)
    .map(
      ([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`,
    )
    .join('');
  const cells = xfs
    .map(([id, indent]) =>
      indent ? `<xf numFmtId="${id}"><alignment indent="${indent}"/></xf>` : `<xf numFmtId="${id}"/>`,
    )
    .join('');
  return `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>${fmts}</numFmts><cellXfs><xf numFmtId="0"/>${cells}</cellXfs></styleSheet>`;
}
