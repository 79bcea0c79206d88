import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import type { ReportDocument, ReportPresentation } from '../../shared/report';
import { REPORT_LIMITS } from '../../shared/report';
import { chartPng, parseAllXml, unzip } from '../support/report-files';
import { snapshot, useServices, type Laptop } from '../support/services';

const open = useServices();

const PNG = chartPng(228, 120).toString('base64');

const document = (extra: Partial<ReportDocument> = {}): ReportDocument => ({
  language: 'nl',
  title: 'Netwerkrapport Dementie Oost',
  subtitle: 'Meting 2026',
  titleLines: ['Netwerk Dementie Oost'],
  footer: 'Netwerkspiegel · Dementie Oost',
  blocks: [
    { type: 'heading', level: 1, text: 'Samenvatting' },
    { type: 'chart', imageId: 'conditie-1', caption: 'Figuur 1. Condities', alt: 'Staafdiagram van de condities', widthCm: 16 },
  ],
  ...extra,
});

const presentation = (extra: Partial<ReportPresentation> = {}): ReportPresentation => ({
  language: 'nl',
  title: 'Terugkoppeling',
  subtitle: 'Dementie Oost',
  footer: 'Netwerkspiegel · Dementie Oost',
  slides: [
    { layout: 'title', title: 'Terugkoppeling', subtitle: 'Dementie Oost' },
    { layout: 'chart', title: 'Condities', imageId: 'conditie-1', alt: 'Staafdiagram', bullets: ['Vertrouwen steeg'] },
  ],
  ...extra,
});

async function withNetwork(options: Parameters<ReturnType<typeof useServices>>[0] = {}) {
  const s = open(options);
  const network = await s.ok('createNetwork', { name: 'Dementie Oost' });
  return { s, networkId: network.id };
}

const begin = (s: Laptop, networkId: string, extra: Partial<Input<'beginReport'>> = {}) =>
  s.ok('beginReport', { networkId, format: 'docx', target: 'file', suggestedName: 'Netwerkrapport Dementie Oost', withOpenAnswers: false, ...extra });

async function started(s: Laptop, networkId: string, extra: Partial<Input<'beginReport'>> = {}) {
  const r = await begin(s, networkId, extra);
  if (r.cancelled) throw new Error('cancelled');
  return r;
}

const reportAudit = (s: Laptop) =>
  s.db.prepare("SELECT entity, entity_id AS entityId, details FROM audit_log WHERE action = 'export.report' ORDER BY rowid").all() as { entity: string; entityId: string; details: string }[];

const tmpFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));

describe('reports: begin, add pictures, write, end', () => {
  it('writes one Word document where the dialog said, and audits it once when it ends', async () => {
    const { s, networkId } = await withNetwork();
    const r = await started(s, networkId, { withOpenAnswers: true });
    expect(r.location).toBe(join(s.dir, 'Netwerkrapport_Dementie_Oost.docx'));
    expect(r.format).toBe('docx');
    expect(r.target).toBe('file');
    expect(r.reportId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await s.ok('addReportImages', { reportId: r.reportId, images: [{ imageId: 'conditie-1', png: PNG }] })).toEqual({ images: 1, bytes: Buffer.from(PNG, 'base64').length });
    const written = await s.ok('writeReport', { reportId: r.reportId, content: { format: 'docx', document: document() } });
    expect(written.filePath).toBe(r.location);
    expect(written.bytes).toBe(statSync(r.location).size);
    // A real zip with well-formed XML, holding the picture byte for byte.
    const pkg = unzip(readFileSync(r.location));
    parseAllXml(pkg);
    const media = Object.keys(pkg).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(pkg[media[0]!]!)).toEqual(Buffer.from(PNG, 'base64'));
    expect(reportAudit(s)).toEqual([]);
    expect(await s.ok('endReport', { reportId: r.reportId })).toEqual({ files: [r.location] });
    expect(reportAudit(s)).toEqual([{ entity: 'network', entityId: networkId, details: JSON.stringify({ format: 'docx', target: 'file', files: 1, openAnswers: true }) }]);
    expect(tmpFiles(s.dir)).toEqual([]);
    // The slot is free again; the old id is gone.
    const again = await s.call('addReportImages', { reportId: r.reportId, images: [{ imageId: 'x', png: PNG }] });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await started(s, networkId, { format: 'pptx' });
  });

  it('writes a PowerPoint file, adding the extension when the dialog left it out', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Palliatieve zorg' });
    // chooseExportPath as a Linux save dialog may answer: the name typed, without extension.
    (s.services as { chooseExportPath: (n: string) => Promise<string | null> }).chooseExportPath = async () => join(s.dir, 'terugkoppeling');
    const r = await started(s, network.id, { format: 'pptx' });
    expect(r.location).toBe(join(s.dir, 'terugkoppeling.pptx'));
    await s.ok('addReportImages', { reportId: r.reportId, images: [{ imageId: 'conditie-1', png: PNG }] });
    const written = await s.ok('writeReport', { reportId: r.reportId, content: { format: 'pptx', presentation: presentation() } });
    expect(Object.keys(unzip(readFileSync(written.filePath)))).toContain('ppt/slides/slide2.xml');
    // One file per single report.
    const twice = await s.call('writeReport', { reportId: r.reportId, content: { format: 'pptx', presentation: presentation() } });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('al geschreven') } });
    expect((await s.ok('endReport', { reportId: r.reportId })).files).toEqual([written.filePath]);
  });

  it('refuses a second report while one runs, in Dutch, and lets a new one replace a report left alone for 15 minutes', async () => {
    let clock = Date.parse('2026-12-01T10:00:00.000Z');
    const { s, networkId } = await withNetwork({ now: () => new Date(clock).toISOString() });
    const first = await started(s, networkId);
    await s.ok('addReportImages', { reportId: first.reportId, images: [{ imageId: 'conditie-1', png: PNG }] });
    await s.ok('writeReport', { reportId: first.reportId, content: { format: 'docx', document: document() } });
    clock += 14 * 60 * 1000; // touched 14 minutes ago: still running
    const refused = await s.call('beginReport', { networkId, format: 'pptx', target: 'file', suggestedName: 'Tweede', withOpenAnswers: false });
    expect(refused).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Er wordt al een rapport gemaakt. Wacht tot het klaar is (of breek het af) en probeer het daarna opnieuw.' } });
    // A call touches the report: 14 more minutes from now it still runs.
    await s.ok('addReportImages', { reportId: first.reportId, images: [{ imageId: 'conditie-2', png: PNG }] });
    clock += 14 * 60 * 1000;
    expect(await s.call('beginReport', { networkId, format: 'pptx', target: 'file', suggestedName: 'Tweede', withOpenAnswers: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    clock += 60 * 1000 + 1; // 15 minutes untouched: abandoned
    const second = await started(s, networkId, { format: 'pptx', suggestedName: 'Tweede' });
    expect(second.reportId).not.toBe(first.reportId);
    // The abandoned report was ended: audited with its one file, its id refused from now on.
    expect(reportAudit(s).map((a) => JSON.parse(a.details))).toEqual([{ format: 'docx', target: 'file', files: 1, openAnswers: false, abandoned: true }]);
    expect(await s.call('endReport', { reportId: first.reportId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('niet meer open') } });
    expect((await s.ok('endReport', { reportId: second.reportId })).files).toEqual([]);
    // Nothing written: nothing to audit.
    expect(reportAudit(s)).toHaveLength(1);
  });

  it('a dialog left open past 15 minutes while another report started: refused, the other keeps running', async () => {
    let clock = Date.parse('2026-12-01T10:00:00.000Z');
    const { s, networkId } = await withNetwork({ now: () => new Date(clock).toISOString() });
    let answerFirst: (path: string) => void = () => {};
    const ctx = s.services as { chooseExportPath: (n: string) => Promise<string | null> };
    ctx.chooseExportPath = () => new Promise((resolve) => (answerFirst = resolve));
    const first = s.call('beginReport', { networkId, format: 'docx', target: 'file', suggestedName: 'Eerste', withOpenAnswers: false });
    await new Promise((resolve) => setImmediate(resolve));
    // While its dialog is open, another begin is refused…
    ctx.chooseExportPath = async (n) => join(s.dir, n);
    expect(await s.call('beginReport', { networkId, format: 'pptx', target: 'file', suggestedName: 'Tweede', withOpenAnswers: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // …until it has been left for 15 minutes.
    clock += 15 * 60 * 1000 + 1;
    const second = await started(s, networkId, { format: 'pptx', suggestedName: 'Tweede' });
    answerFirst(join(s.dir, 'Eerste.docx'));
    expect(await first).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Terwijl u een plek koos, is een ander rapport begonnen. Wacht tot dat klaar is en probeer het daarna opnieuw.' } });
    expect(await s.ok('endReport', { reportId: second.reportId })).toEqual({ files: [] });
  });

  it('a cancelled dialog opens no report and writes nothing', async () => {
    const { s, networkId } = await withNetwork({ cancelExport: true });
    const before = snapshot(s.db);
    expect(await begin(s, networkId)).toEqual({ cancelled: true });
    expect(await begin(s, networkId, { target: 'folder' })).toEqual({ cancelled: true });
    expect(snapshot(s.db)).toEqual(before);
    expect(readdirSync(s.dir).filter((f) => !f.startsWith('netwerkspiegel.sqlite'))).toEqual([]);
    // The slot is free: a later report may start (here the dialog is cancelled again, not refused).
    expect(await begin(s, networkId)).toEqual({ cancelled: true });
  });

  it('refuses an unknown network', async () => {
    const s = open();
    expect(await s.call('beginReport', { networkId: randomUUID(), format: 'docx', target: 'file', suggestedName: 'x', withOpenAnswers: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Dit netwerk bestaat niet (meer). Kies een netwerk uit de lijst.' },
    });
  });

  it('writes a report per organisation into a NEW folder, never into or over what is there', async () => {
    const { s, networkId } = await withNetwork();
    // The user's own folder of that name, with a file in it.
    const own = join(s.dir, 'Rapporten_per_organisatie');
    rmSync(own, { recursive: true, force: true });
    mkdirSync(own);
    writeFileSync(join(own, 'Zorggroep_Noord.docx'), 'van de gebruiker');
    const r = await started(s, networkId, { target: 'folder', suggestedName: 'Rapporten per organisatie' });
    expect(r.location).toBe(join(s.dir, 'Rapporten_per_organisatie (2)'));
    await s.ok('addReportImages', { reportId: r.reportId, images: [{ imageId: 'conditie-1', png: PNG }] });
    const a = await s.ok('writeReport', { reportId: r.reportId, fileName: 'Zorggroep Noord', content: { format: 'docx', document: document() } });
    const b = await s.ok('writeReport', { reportId: r.reportId, fileName: 'Thuiszorg Zuid/West', content: { format: 'docx', document: document() } });
    expect([a.filePath, b.filePath]).toEqual([join(r.location, 'Zorggroep_Noord.docx'), join(r.location, 'Thuiszorg_Zuid_West.docx')]);
    // Another name that becomes the same file name (case, or characters made safe) is refused.
    for (const fileName of ['zorggroep noord', 'Zorggroep_Noord']) {
      expect(await s.call('writeReport', { reportId: r.reportId, fileName, content: { format: 'docx', document: document() } })).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringMatching(/^In dit rapport is al een bestand .*Zorggroep_Noord\.docx gemaakt\. Geef elk bestand een eigen naam\.$/i) },
      });
    }
    // A folder report needs a file name.
    expect(await s.call('writeReport', { reportId: r.reportId, content: { format: 'docx', document: document() } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('naam') } });
    expect((await s.ok('endReport', { reportId: r.reportId })).files).toEqual([a.filePath, b.filePath]);
    expect(readFileSync(join(own, 'Zorggroep_Noord.docx'), 'utf8')).toBe('van de gebruiker');
    expect(readdirSync(own)).toEqual(['Zorggroep_Noord.docx']);
    expect(readdirSync(r.location).sort()).toEqual(['Thuiszorg_Zuid_West.docx', 'Zorggroep_Noord.docx']);
    expect(JSON.parse(reportAudit(s)[0]!.details)).toEqual({ format: 'docx', target: 'folder', files: 2, openAnswers: false });
    // A third report of that name gets (3).
    const third = await started(s, networkId, { target: 'folder', suggestedName: 'Rapporten per organisatie' });
    expect(basename(third.location)).toBe('Rapporten_per_organisatie (3)');
  });

  it('refuses the wrong format and a picture that was never added, naming it', async () => {
    const { s, networkId } = await withNetwork();
    const r = await started(s, networkId);
    const wrong = await s.call('writeReport', { reportId: r.reportId, content: { format: 'pptx', presentation: presentation() } });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Dit rapport is begonnen als Word-document; een PowerPoint-presentatie kan er niet in. Begin een nieuw rapport voor dat formaat.' },
    });
    const missing = await s.call('writeReport', { reportId: r.reportId, content: { format: 'docx', document: document() } });
    expect(missing).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Het rapport noemt een grafiek die niet is meegestuurd: conditie-1. Stuur eerst alle grafieken en schrijf het rapport daarna.' },
    });
    expect(existsSync(r.location)).toBe(false);
    expect(await s.call('writeReport', { reportId: randomUUID(), content: { format: 'docx', document: document() } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('checks pictures: PNG only, whole, within the limits per picture and per report; all or nothing', async () => {
    const { s, networkId } = await withNetwork();
    const r = await started(s, networkId);
    const add = (images: { imageId: string; png: string }[]) => s.call('addReportImages', { reportId: r.reportId, images });
    expect(await add([{ imageId: 'a', png: Buffer.from('GIF89a not a png').toString('base64') }])).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('geen PNG') } });
    const cut = Buffer.from(PNG, 'base64').subarray(0, 60).toString('base64');
    expect(await add([{ imageId: 'a', png: PNG }, { imageId: 'b', png: cut }])).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('geen volledige PNG') } });
    // Nothing of the refused call was kept: 'a' is not there.
    expect(await s.call('writeReport', { reportId: r.reportId, content: { format: 'docx', document: document({ blocks: [{ type: 'chart', imageId: 'a', caption: 'x', alt: 'x', widthCm: 10 }] }) } })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining(': a.') },
    });
    // More than 60 in one call: refused by the contract.
    const many = Array.from({ length: REPORT_LIMITS.imagesPerCall + 1 }, (_, i) => ({ imageId: `g${i}`, png: PNG }));
    expect(await add(many)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A picture over 8 MB: a PNG padded with a large ancillary chunk.
    const big = padPng(Buffer.from(PNG, 'base64'), REPORT_LIMITS.imageBytes + 1);
    expect(await add([{ imageId: 'big', png: big.toString('base64') }])).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/groter dan 8 MB|te groot/) } });
    // The report's total: 600 MB is 76 pictures of 7.9 MB; the 76th is refused, the earlier ones are held.
    const seven = padPng(Buffer.from(PNG, 'base64'), Math.floor(7.9 * 1024 * 1024)).toString('base64');
    let refused: unknown = null;
    for (let i = 0; i < 80 && refused === null; i++) {
      const result = await add([{ imageId: `p${i}`, png: seven }]);
      if (!result.ok) refused = { i, ...result.error };
    }
    expect(refused).toEqual({ i: 75, code: 'VALIDATION', message: 'De grafieken van dit rapport zijn samen groter dan 600 MB. Kies minder metingen of vragenlijsten voor één rapport.' });
    // Sending one again replaces it, and counts once.
    expect(await add([{ imageId: 'p0', png: PNG }])).toMatchObject({ ok: true, value: { images: 1 } });
    expect(await add([{ imageId: 'p75', png: PNG }])).toMatchObject({ ok: true });
    await s.ok('endReport', { reportId: r.reportId });
  }, 60_000);

  it('a failing write leaves neither a temporary file nor the target, and the report can end', async () => {
    const { s, networkId } = await withNetwork();
    const r = await started(s, networkId, { target: 'folder', suggestedName: 'Per organisatie' });
    await s.ok('addReportImages', { reportId: r.reportId, images: [{ imageId: 'conditie-1', png: PNG }] });
    const a = await s.ok('writeReport', { reportId: r.reportId, fileName: 'A', content: { format: 'docx', document: document() } });
    // A folder in the way of the target: the temporary file is written, the rename fails.
    mkdirSync(join(r.location, 'B.docx'));
    const blocked = await s.call('writeReport', { reportId: r.reportId, fileName: 'B', content: { format: 'docx', document: document() } });
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_FAILED', message: expect.stringMatching(/^Het bestand .*B\.docx kon niet worden opgeslagen \(.*\)\. Controleer of de map er nog is en of u er mag schrijven, en begin het rapport opnieuw\.$/) },
    });
    expect(readdirSync(r.location).sort()).toEqual(['A.docx', 'B.docx']);
    expect(readdirSync(join(r.location, 'B.docx'))).toEqual([]);
    rmSync(join(r.location, 'B.docx'), { recursive: true });
    // The folder made read-only (a locked drive). Root may write anyway, so this part proves something only for other users.
    if (process.getuid?.() !== 0) {
      chmodSync(r.location, 0o555);
      try {
        const failed = await s.call('writeReport', { reportId: r.reportId, fileName: 'B', content: { format: 'docx', document: document() } });
        expect(failed).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
        expect(readdirSync(r.location)).toEqual(['A.docx']);
      } finally {
        chmodSync(r.location, 0o755);
      }
    }
    // The folder removed: refused the same way, nothing appears.
    rmSync(r.location, { recursive: true });
    const gone = await s.call('writeReport', { reportId: r.reportId, fileName: 'C', content: { format: 'docx', document: document() } });
    expect(gone).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
    expect(existsSync(r.location)).toBe(false);
    expect(tmpFiles(dirname(r.location))).toEqual([]);
    // Ended: only the file that was written counts.
    expect((await s.ok('endReport', { reportId: r.reportId })).files).toEqual([a.filePath]);
    expect(JSON.parse(reportAudit(s)[0]!.details).files).toBe(1);
  });

  it('a file target in a folder that is gone: nothing written, the report ends without an audit entry', async () => {
    const { s, networkId } = await withNetwork();
    (s.services as { chooseExportPath: (n: string) => Promise<string | null> }).chooseExportPath = async (n) => join(s.dir, 'weg', n);
    const r = await started(s, networkId);
    await s.ok('addReportImages', { reportId: r.reportId, images: [{ imageId: 'conditie-1', png: PNG }] });
    expect(await s.call('writeReport', { reportId: r.reportId, content: { format: 'docx', document: document() } })).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
    expect(existsSync(join(s.dir, 'weg'))).toBe(false);
    expect(await s.ok('endReport', { reportId: r.reportId })).toEqual({ files: [] });
    expect(reportAudit(s)).toEqual([]);
  });
});

/** A valid PNG made `size` bytes long with a private ancillary chunk ("prVt") before IEND, which readers skip. */
function padPng(png: Buffer, size: number): Buffer {
  const iend = png.subarray(png.length - 12);
  const length = size - png.length - 12;
  const head = Buffer.alloc(8);
  head.writeUInt32BE(length, 0);
  head.write('prVt', 4, 'latin1');
  return Buffer.concat([png.subarray(0, png.length - 12), head, Buffer.alloc(length), Buffer.alloc(4), iend]);
}
