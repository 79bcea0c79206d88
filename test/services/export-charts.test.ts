import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snapshot, useServices } from '../support/services';

const open = useServices();

/** The smallest valid PNG: 1×1 pixel (signature, IHDR, IDAT, IEND). */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><clipPath id="c"><rect width="10" height="10"/></clipPath></defs><rect width="10" height="10" fill="#1f6f8b" clip-path="url(#c)"/><text x="1" y="9">Vertrouwen = 3,8</text></svg>';

describe('charts for reports', () => {
  it('saves a chart as SVG and as PNG where the main process chooses', async () => {
    const s = open();
    const svg = await s.ok('saveChartImage', { name: 'Condities T0 en T1', format: 'svg', data: SVG });
    if (svg.cancelled) throw new Error('cancelled');
    expect(svg.filePath.endsWith('netwerkspiegel-Condities_T0_en_T1.svg')).toBe(true);
    expect(readFileSync(svg.filePath, 'utf8')).toBe(SVG);
    const png = await s.ok('saveChartImage', { name: 'Condities', format: 'png', data: `data:image/png;base64,${PNG_1X1}` });
    if (png.cancelled) throw new Error('cancelled');
    expect(readFileSync(png.filePath)).toEqual(Buffer.from(PNG_1X1, 'base64'));
    expect(png.bytes).toBe(Buffer.from(PNG_1X1, 'base64').length);
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when cancelled, and nothing in the database', async () => {
    const s = open({ cancelExport: true });
    const before = snapshot(s.db);
    expect(await s.ok('saveChartImage', { name: 'x', format: 'svg', data: SVG })).toEqual({ cancelled: true });
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.svg'))).toEqual([]);
    expect(snapshot(s.db)).toEqual(before);
  });

  it('refuses SVG with links to elsewhere, embedded HTML or scripts', async () => {
    const s = open();
    for (const data of [
      '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://evil.example"><text>x</text></a></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>x</div></foreignObject></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><image xlink:href="javascript:alert(1)"/></svg>',
      '<?xml version="1.0"?><html/>',
    ]) {
      expect(await s.call('saveChartImage', { name: 'x', format: 'svg', data }), data).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('saves the print view as PDF through the Electron hook, and says so where there is none', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Dementie Oost' });
    expect(await s.call('saveResultsPdf', { networkId: network.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const pdf = Buffer.from('%PDF-1.7\n%test\n');
    s.services.printToPdf = async () => pdf;
    const saved = await s.ok('saveResultsPdf', { networkId: network.id });
    if (saved.cancelled) throw new Error('cancelled');
    expect(saved.filePath).toMatch(/netwerkspiegel-Dementie_Oost-resultaten-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(readFileSync(saved.filePath)).toEqual(pdf);
    const last = s.db.prepare('SELECT action, entity_id AS entityId FROM audit_log ORDER BY rowid DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'export.results_pdf', entityId: network.id });
  });

  it('saves a wave\u2019s paper questionnaire as PDF the same way, named after network and wave, without an audit entry', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Dementie Oost' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] });
    expect(await s.call('savePaperFormPdf', { waveId: wave.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('alleen in de Netwerkspiegel-app') } });
    const pdf = Buffer.from('%PDF-1.7\n%formulier\n');
    s.services.printToPdf = async () => pdf;
    const before = snapshot(s.db);
    const saved = await s.ok('savePaperFormPdf', { waveId: wave.id });
    if (saved.cancelled) throw new Error('cancelled');
    expect(saved.filePath.endsWith('netwerkspiegel-Dementie_Oost-T1-papieren-vragenlijst.pdf')).toBe(true);
    expect(readFileSync(saved.filePath)).toEqual(pdf);
    expect(saved.bytes).toBe(pdf.length);
    // A blank form holds nothing about anyone: the database, audit log included, is as it was.
    expect(snapshot(s.db)).toEqual(before);
  });

  it('writes no paper questionnaire PDF when the save dialog is cancelled', async () => {
    const s = open({ cancelExport: true });
    const network = await s.ok('createNetwork', { name: 'Dementie Oost' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] });
    let printed = false;
    s.services.printToPdf = async () => {
      printed = true;
      return Buffer.from('%PDF-1.7\n');
    };
    expect(await s.ok('savePaperFormPdf', { waveId: wave.id })).toEqual({ cancelled: true });
    expect(printed).toBe(false);
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });
});
