/**
 * manifest.xml, checked offline: the XSD's element order, resource references and lengths, https
 * everywhere, icons that exist at the sizes they claim, ExcelApi 1.1 as the only requirement, the
 * three ribbon buttons in Chinese with English overrides, and office-addin-manifest's own reader.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { child, children, local, parseXml, walk, type XmlElement } from './helpers/xml';

const ROOT = path.join(__dirname, '..');
const DEV_URL = 'https://localhost:3000/';
const manifest = parseXml(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
const overrides = child(manifest, 'VersionOverrides');
const resources = child(overrides, 'Resources');

/** The XSD sequences we use (TaskPaneApp 1.1, TaskPaneAppVersionOverrides 1.0), in order. */
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'Dictionary',
    'VersionOverrides',
    'ExtendedOverrides',
  ],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action', 'Enabled'],
  Supertip: ['Title', 'Description'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
  Requirements: ['Sets', 'Methods'],
};

function assertOrder(el: XmlElement, order: string[]): void {
  let last = -1;
  for (const c of el.children) {
    const idx = order.indexOf(local(c.name));
    if (idx < 0) throw new Error(`<${c.name}> (line ${c.line}) is not a known child of <${el.name}>`);
    if (idx < last) throw new Error(`<${c.name}> (line ${c.line}) is out of order under <${el.name}>`);
    last = idx;
  }
}

type Kind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
function resourceMap(kind: Kind): Map<string, XmlElement> {
  const m = new Map<string, XmlElement>();
  for (const el of children(child(resources, kind))) {
    expect(m.has(el.attrs.id)).toBe(false);
    m.set(el.attrs.id, el);
  }
  return m;
}
const RES: Record<Kind, Map<string, XmlElement>> = {
  Images: resourceMap('Images'),
  Urls: resourceMap('Urls'),
  ShortStrings: resourceMap('ShortStrings'),
  LongStrings: resourceMap('LongStrings'),
};

function text(kind: 'ShortStrings' | 'LongStrings', resid: string, locale?: string): string {
  const el = RES[kind].get(resid);
  if (!el) throw new Error(`no ${kind} resource ${resid}`);
  if (!locale) return el.attrs.DefaultValue;
  const o = children(el, 'Override').find((x) => x.attrs.Locale === locale);
  if (!o) throw new Error(`${resid} has no ${locale} override`);
  return o.attrs.Value;
}

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function assetFor(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(ROOT, url.slice(DEV_URL.length));
}

const CJK = /[\u4e00-\u9fff]/;

describe('manifest.xml', () => {
  test('is a Workbook task-pane add-in with a fixed identity', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(manifest, 'Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(manifest, 'Version').text.trim()).toBe('1.0.0.0');
    expect(child(manifest, 'ProviderName').text.trim()).not.toBe('');
    expect(child(manifest, 'DefaultLocale').text.trim()).toBe('zh-CN');
    expect(children(child(manifest, 'Hosts')).map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(child(manifest, 'Permissions').text.trim()).toBe('ReadWriteDocument');
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  });

  test('elements appear in the order the XSD requires', () => {
    assertOrder(manifest, ORDER.OfficeApp);
    for (const name of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]) {
      expect(children(manifest, name)).toHaveLength(1);
    }
    for (const el of walk(overrides)) {
      const order = ORDER[local(el.name)];
      // <Hosts>/<Host> of the base manifest and <Description> under Supertip have no children to order.
      if (order && el.children.length) assertOrder(el, order);
    }
  });

  test('display name and description: Chinese by default, English override, within limits', () => {
    for (const name of ['DisplayName', 'Description']) {
      const el = child(manifest, name);
      const max = name === 'DisplayName' ? 125 : 250;
      expect(el.attrs.DefaultValue).toMatch(CJK);
      expect(el.attrs.DefaultValue.length).toBeLessThanOrEqual(max);
      const en = children(el, 'Override').find((o) => o.attrs.Locale === 'en-US');
      expect(en?.attrs.Value).toBeTruthy();
      expect(en!.attrs.Value.length).toBeLessThanOrEqual(max);
    }
    expect(child(manifest, 'DisplayName').attrs.DefaultValue).toBe('预算绩效表校验');
    expect(children(child(manifest, 'DisplayName'), 'Override')[0].attrs.Value).toBe('Budget Table Check');
  });

  test('every resid exists in the right resource list, and ids are at most 32 characters', () => {
    const kindOf = (el: XmlElement, parent: XmlElement | undefined): Kind => {
      const n = local(el.name);
      if (n === 'Image') return 'Images';
      if (n === 'SourceLocation' || n === 'FunctionFile' || n === 'LearnMoreUrl') return 'Urls';
      if (n === 'Description') return 'LongStrings';
      if (n === 'Label' || n === 'Title') return 'ShortStrings';
      throw new Error(`unexpected resid on <${el.name}> under <${parent?.name}>`);
    };
    let refs = 0;
    const visit = (el: XmlElement, parent?: XmlElement): void => {
      if ('resid' in el.attrs) {
        refs++;
        expect(el.attrs.resid.length).toBeLessThanOrEqual(32);
        const kind = kindOf(el, parent);
        if (!RES[kind].has(el.attrs.resid))
          throw new Error(`resid ${el.attrs.resid} (line ${el.line}) is not in ${kind}`);
      }
      for (const c of el.children) visit(c, el);
    };
    visit(overrides);
    expect(refs).toBeGreaterThan(20);
    for (const map of Object.values(RES)) for (const id of map.keys()) expect(id.length).toBeLessThanOrEqual(32);
    for (const el of walk(overrides)) if ('id' in el.attrs) expect(el.attrs.id.length).toBeLessThanOrEqual(125);
  });

  test('short strings ≤ 125 and long strings ≤ 250 characters, default and every override', () => {
    const limits: [Kind, number][] = [
      ['ShortStrings', 125],
      ['LongStrings', 250],
    ];
    for (const [kind, max] of limits) {
      for (const [id, el] of RES[kind]) {
        expect([id, el.attrs.DefaultValue.length <= max]).toEqual([id, true]);
        expect([id, CJK.test(el.attrs.DefaultValue)]).toEqual([id, true]);
        const ovs = children(el, 'Override');
        expect([id, ovs.map((o) => o.attrs.Locale)]).toEqual([id, ['en-US']]);
        for (const o of ovs) expect([id, o.attrs.Value.length > 0 && o.attrs.Value.length <= max]).toEqual([id, true]);
      }
    }
  });

  test('every URL is https', () => {
    let urls = 0;
    for (const el of walk(manifest)) {
      for (const [name, value] of Object.entries(el.attrs)) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue; // namespace names, not URLs to load
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
          urls++;
          expect(value).toMatch(/^https:\/\//);
        }
      }
      if (/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(el.text)) expect(el.text.trim()).toMatch(/^https:\/\//);
    }
    expect(urls).toBeGreaterThan(5);
    for (const [, el] of RES.Urls) expect(el.attrs.DefaultValue.startsWith(DEV_URL)).toBe(true);
  });

  test('every icon is a PNG in assets/ of the size its id, file name and use say', () => {
    const check = (url: string, size: number): void => {
      const file = assetFor(url);
      expect(fs.existsSync(file)).toBe(true);
      expect(path.basename(file)).toBe(`icon-${size}.png`);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    };
    check(child(manifest, 'IconUrl').attrs.DefaultValue, 32);
    check(child(manifest, 'HighResolutionIconUrl').attrs.DefaultValue, 64);
    for (const [id, el] of RES.Images) {
      const m = /^Icon\.(\d+)x\1$/.exec(id);
      expect(m).not.toBeNull();
      check(el.attrs.DefaultValue, Number(m![1]));
    }
    // <bt:Image size="N" resid=...> inside <Icon> must name an image of that size.
    for (const el of walk(overrides)) {
      if (local(el.name) === 'Image' && 'resid' in el.attrs) {
        const url = RES.Images.get(el.attrs.resid)!.attrs.DefaultValue;
        check(url, Number(el.attrs.size));
      }
    }
    for (const size of [16, 32, 64, 80, 128])
      expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  test('the committed icons are what scripts/make-icons.js draws', () => {
    const icons = jest.requireActual<{ render(size: number): Buffer; SIZES: number[] }>('../scripts/make-icons.js');
    for (const size of icons.SIZES) {
      expect([size, icons.render(size).equals(fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)))]).toEqual(
        [size, true],
      );
    }
  });

  test('requires ExcelApi 1.1 only (newer APIs are feature-detected at run time)', () => {
    const req = child(manifest, 'Requirements');
    expect(children(req).map((c) => local(c.name))).toEqual(['Sets']);
    const sets = child(req, 'Sets');
    expect(sets.attrs.DefaultMinVersion).toBe('1.1');
    expect(children(sets).map((s) => [local(s.name), s.attrs.Name, s.attrs.MinVersion])).toEqual([
      ['Set', 'ExcelApi', '1.1'],
    ]);
    // No requirement (or shared runtime, which needs SharedRuntime 1.1) hidden in the overrides.
    for (const el of walk(overrides)) expect(['Requirements', 'Runtimes', 'Sets', 'Set']).not.toContain(local(el.name));
  });

  test('three buttons on the Home tab, Chinese labels with English overrides', () => {
    const host = child(child(overrides, 'Hosts'), 'Host');
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const form = child(host, 'DesktopFormFactor');
    const functionFile = RES.Urls.get(child(form, 'FunctionFile').attrs.resid)!.attrs.DefaultValue;
    expect(functionFile).toBe(`${DEV_URL}commands.html`);
    const ext = child(form, 'ExtensionPoint');
    expect(ext.attrs['xsi:type']).toBe('PrimaryCommandSurface');
    const tab = child(ext, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const group = child(tab, 'Group');
    expect(text('ShortStrings', child(group, 'Label').attrs.resid)).toMatch(CJK);

    const buttons = children(group, 'Control').map((c) => {
      expect(c.attrs['xsi:type']).toBe('Button');
      const label = child(c, 'Label').attrs.resid;
      const action = child(c, 'Action');
      return {
        zh: text('ShortStrings', label),
        en: text('ShortStrings', label, 'en-US'),
        tip: text('LongStrings', child(child(c, 'Supertip'), 'Description').attrs.resid),
        tipEn: text('LongStrings', child(child(c, 'Supertip'), 'Description').attrs.resid, 'en-US'),
        action: action.attrs['xsi:type'],
        target:
          action.attrs['xsi:type'] === 'ExecuteFunction'
            ? child(action, 'FunctionName').text.trim()
            : RES.Urls.get(child(action, 'SourceLocation').attrs.resid)!.attrs.DefaultValue,
      };
    });
    expect(buttons.map((b) => [b.zh, b.action, b.target])).toEqual([
      ['一键校验', 'ExecuteFunction', 'runCheck'],
      ['清除标记', 'ExecuteFunction', 'clearMarks'],
      ['显示面板', 'ShowTaskpane', `${DEV_URL}taskpane.html`],
    ]);
    for (const b of buttons) {
      expect(b.en).toMatch(/^[A-Z][A-Za-z ]+$/);
      expect(b.tip).toMatch(CJK);
      expect(b.tipEn).not.toMatch(CJK);
    }
    // The pane the button opens is the one Office opens without commands (插入 > 我的加载项).
    expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(
      `${DEV_URL}taskpane.html`,
    );
  });

  test('the function file registers every ExecuteFunction name', () => {
    const source = fs.readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8');
    const names = [...walk(overrides)].filter((e) => local(e.name) === 'FunctionName').map((e) => e.text.trim());
    expect(names).toEqual(['runCheck', 'clearMarks']);
    for (const n of names) expect(source).toMatch(new RegExp(`^\\s+${n}: \\w+Command,$`, 'm'));
  });

  test('office-addin-manifest reads it (offline `info`)', () => {
    const cli = path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js');
    const res = spawnSync(process.execPath, [cli, 'info', 'manifest.xml'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_IN: 'false' },
    });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Type: TaskPaneApp');
    expect(res.stdout).toContain('Name: 预算绩效表校验');
    expect(res.stdout).toContain('Hosts: Workbook');
  });
});
