/**
 * @jest-environment jsdom
 */
// Offline checks of manifest.xml (the online validator is unreachable from here): well-formed XML,
// the required elements in schema order, resources defined and short, unique control ids, HTTPS
// everywhere, and every icon present at the size the manifest claims.
import * as fs from 'fs';
import * as path from 'path';
import { MIN_EXCEL_API } from '../../src/hosts/office/requirements';
import { REFRESH_ACTION } from '../../src/commands/refresh';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'application/xml');
}

function wellFormed(doc: Document): boolean {
  return doc.getElementsByTagName('parsererror').length === 0;
}

const doc = parse(MANIFEST);
const root = doc.documentElement;
const all = (ns: string, local: string): Element[] => Array.from(doc.getElementsByTagNameNS(ns, local));
const children = (el: Element): Element[] => Array.from(el.children);
const xsiType = (el: Element): string | null => el.getAttributeNS(XSI, 'type');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((x, i) => b[i] === x) || b.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** https://localhost:3000/assets/icon-16.png → <repo>/assets/icon-16.png (what webpack copies to dist/assets). */
function localFile(url: string): string {
  const p = new URL(url).pathname.replace(/^\//, '');
  return path.join(ROOT, p);
}

const resources = new Map<string, { kind: string; el: Element }>();
for (const [kind, local] of [
  ['image', 'Image'],
  ['url', 'Url'],
  ['string', 'String'],
] as const) {
  for (const el of all(BT, local)) {
    // bt:Image is also used inside <Icon> (with resid): resources are the ones with an id.
    const id = el.getAttribute('id');
    if (id) {
      if (resources.has(id)) throw new Error(`resource ${id} defined twice`);
      const parent = el.parentElement?.localName ?? '';
      resources.set(id, { kind: parent === 'ShortStrings' ? 'short' : parent === 'LongStrings' ? 'long' : kind, el });
    }
  }
}

describe('manifest.xml', () => {
  it('is well-formed XML (and the check notices broken XML)', () => {
    expect(wellFormed(doc)).toBe(true);
    expect(wellFormed(parse(MANIFEST.replace('</Hosts>', '</Host>')))).toBe(false);
    expect(wellFormed(parse(MANIFEST.replace('<Id>', '<Id a="1" a="2">')))).toBe(false);
  });

  it('is a task pane add-in for workbooks with the required elements in schema order', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(xsiType(root)).toBe('TaskPaneApp');
    expect(children(root).map((e) => e.localName)).toEqual([
      'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
      'Permissions', 'VersionOverrides',
    ]);
    const text = (name: string) => children(root).find((e) => e.localName === name)?.textContent?.trim();
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text('Permissions')).toBe('ReadWriteDocument');
    const hosts = children(root).find((e) => e.localName === 'Hosts');
    expect(children(hosts!).map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    const sets = doc.getElementsByTagName('Set');
    expect(Array.from(sets).map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', MIN_EXCEL_API]]);
    for (const name of ['DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
      expect(children(root).find((e) => e.localName === name)?.getAttribute('DefaultValue')).toBeTruthy();
    }
    expect(doc.getElementsByTagName('SourceLocation')[0]?.getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  it('adds a "Tablero" group on the Home tab with a ShowTaskpane and an ExecuteFunction button', () => {
    const vo = all(OV, 'VersionOverrides')[0]!;
    expect(xsiType(vo)).toBe('VersionOverridesV1_0');
    const tab = all(OV, 'OfficeTab')[0]!;
    expect(tab.getAttribute('id')).toBe('TabHome');
    const ext = tab.parentElement!;
    expect(xsiType(ext)).toBe('PrimaryCommandSurface');
    const groups = children(tab).filter((e) => e.localName === 'Group');
    expect(groups).toHaveLength(1);
    const controls = children(groups[0]!).filter((e) => e.localName === 'Control');
    const actions = controls.map((c) => children(c).find((e) => e.localName === 'Action')!);
    expect(actions.map(xsiType)).toEqual(['ShowTaskpane', 'ExecuteFunction']);
    expect(actions[1]!.getElementsByTagNameNS(OV, 'FunctionName')[0]?.textContent).toBe(REFRESH_ACTION);
    const labelOf = (el: Element): Element => resources.get(children(el).find((e) => e.localName === 'Label')!.getAttribute('resid')!)!.el;
    expect(labelOf(groups[0]!).getAttribute('DefaultValue')).toBe('Tablero');
    expect(labelOf(controls[0]!).getAttribute('DefaultValue')).toBe('Tablero');
    const refresh = labelOf(controls[1]!);
    expect(refresh.getAttribute('DefaultValue')).toBe('Actualizar estado');
    expect(Array.from(refresh.getElementsByTagNameNS(BT, 'Override')).map((o) => [o.getAttribute('Locale'), o.getAttribute('Value')])).toEqual([
      ['en-US', 'Refresh status'],
    ]);
    // The function file is where ExecuteFunction handlers live.
    const ff = all(OV, 'FunctionFile')[0]!;
    expect(resources.get(ff.getAttribute('resid')!)?.el.getAttribute('DefaultValue')).toBe('https://localhost:3000/commands.html');
  });

  it('defines every resid it uses, of the right kind, each id at most 32 characters', () => {
    const used = Array.from(doc.querySelectorAll('[resid]'));
    expect(used.length).toBeGreaterThan(10);
    const wantKind = (el: Element): string => {
      const local = el.localName;
      if (local === 'Image') return 'image';
      if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(local)) return 'url';
      if (local === 'Description') return 'long'; // Supertip and GetStarted descriptions
      return 'short';
    };
    const problems: string[] = [];
    for (const el of used) {
      const id = el.getAttribute('resid')!;
      const res = resources.get(id);
      if (!res) problems.push(`${id}: not defined`);
      else if (res.kind !== wantKind(el)) problems.push(`${id}: used by <${el.localName}> as ${wantKind(el)}, defined as ${res.kind}`);
      if (id.length > 32) problems.push(`${id}: longer than 32`);
    }
    for (const id of resources.keys()) if (id.length > 32) problems.push(`${id}: defined id longer than 32`);
    expect(problems).toEqual([]);
    // Every defined resource is used (a typo on either side shows up here).
    const usedIds = new Set(used.map((e) => e.getAttribute('resid')));
    expect([...resources.keys()].filter((id) => !usedIds.has(id))).toEqual([]);
  });

  it('keeps strings within the schema limits (short 125, long 250), overrides included', () => {
    for (const [id, res] of resources) {
      if (res.kind !== 'short' && res.kind !== 'long') continue;
      const max = res.kind === 'short' ? 125 : 250;
      const values = [res.el.getAttribute('DefaultValue') ?? '', ...Array.from(res.el.getElementsByTagNameNS(BT, 'Override')).map((o) => o.getAttribute('Value') ?? '')];
      for (const v of values) {
        expect({ id, ok: v.length > 0 && v.length <= max }).toEqual({ id, ok: true });
      }
    }
  });

  it('gives unique ids to groups and controls', () => {
    const ids = Array.from(all(OV, 'Group')).concat(all(OV, 'Control')).map((e) => e.getAttribute('id'));
    expect(ids.every((id) => !!id && id.length <= 125)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses HTTPS for every URL', () => {
    const urls: string[] = [];
    const walk = (el: Element): void => {
      for (const attr of Array.from(el.attributes)) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value) && !attr.name.startsWith('xmlns')) urls.push(attr.value);
      for (const c of children(el)) walk(c);
      if (!el.children.length && /^[a-z][a-z0-9+.-]*:\/\//i.test(el.textContent?.trim() ?? '')) urls.push(el.textContent!.trim());
    };
    walk(root);
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
  });

  it('has every icon file at the size the manifest claims', () => {
    const claims: { url: string; size: number }[] = [];
    for (const img of all(BT, 'Image')) {
      const resid = img.getAttribute('resid');
      if (!resid) continue;
      const url = resources.get(resid)?.el.getAttribute('DefaultValue');
      claims.push({ url: url ?? `missing ${resid}`, size: Number(img.getAttribute('size')) });
    }
    // The add-in's own icons: 32×32 and 64×64 (high resolution).
    claims.push({ url: children(root).find((e) => e.localName === 'IconUrl')!.getAttribute('DefaultValue')!, size: 32 });
    claims.push({ url: children(root).find((e) => e.localName === 'HighResolutionIconUrl')!.getAttribute('DefaultValue')!, size: 64 });
    expect(new Set(claims.map((c) => c.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const c of claims) {
      const file = localFile(c.url);
      expect({ url: c.url, exists: fs.existsSync(file) }).toEqual({ url: c.url, exists: true });
      expect({ url: c.url, ...pngSize(file) }).toEqual({ url: c.url, width: c.size, height: c.size });
    }
  });

  it('ships the icons scripts/make-icons.js draws', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script, no types
    const { icon, SIZES } = require('../../scripts/make-icons.js') as { icon: (n: number) => Buffer; SIZES: number[] };
    for (const size of SIZES) {
      expect(fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)).equals(icon(size))).toBe(true);
    }
  });
});
