import Database from 'better-sqlite3';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { restoreTempPathFor } from '../../electron/db/backup-files';
import { studyChecksum } from '../../electron/services/data/study-files';
import type { StudyFile } from '../../shared/study';
import { axeViolations, textOf, type Session, useE2eSessions } from './support/harness';
import { secondLaptop, studyFileContent } from './support/laptops';
import { heading } from './support/kiosk';

/**
 * *Gegevens en reservekopieën* through the real stack (built renderer in Chromium → window.api
 * shim → HTTP → the real services → a real SQLite file): importing another laptop's study file
 * with a conflict and a doubly used code, choosing, and finding the result in SQLite; and making
 * and restoring a backup.
 */

const KS = 'kansrijke-samenwerking';
const { newSession, cleanup } = useE2eSessions();

async function openDataScreen(session: Session): Promise<Page> {
  const { page } = session;
  await page.goto(session.harness.url);
  await heading(page, 'Netwerken').waitFor();
  await page.getByRole('button', { name: 'Gegevens en reservekopieën' }).click();
  await heading(page, 'Gegevens en reservekopieën').waitFor();
  return page;
}

describe('Studiebestand importeren: merging another laptop', () => {
  it('shows what changes and both versions of a conflict, imports the choices, and the result is in SQLite', async () => {
    const session = await newSession();
    const a = session.call;
    const b = secondLaptop(cleanup);

    // Laptop A sets up the network and starts a response; laptop B gets it all through a study file.
    const network = await a('createNetwork', { name: 'Dementie Twente' });
    const wave = await a('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const shared = await a('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
    await a('saveAnswer', { responseId: shared.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
    await b.call('importStudyFile', { content: await studyFileContent(a, network.id), decisions: [] });

    // Then both laptops go on: the same response changed on both, one code used by two people, and a new person on B.
    await a('saveAnswer', { responseId: shared.id, instrumentId: KS, itemId: 'ks_amb_01', value: 5, text: null });
    await b.call('saveAnswer', { responseId: shared.id, instrumentId: KS, itemId: 'ks_amb_01', value: 2, text: null });
    await b.call('saveAnswer', { responseId: shared.id, instrumentId: KS, itemId: 'ks_amb_02', value: 3, text: null });
    const dupA = await a('startResponse', { waveId: wave.id, respondentCode: 'DUP001', organisationId: null, mode: 'form' });
    const dupB = await b.call('startResponse', { waveId: wave.id, respondentCode: 'DUP001', organisationId: null, mode: 'paper' });
    await b.call('saveAnswer', { responseId: dupB.id, instrumentId: KS, itemId: 'ks_amb_01', value: 1, text: null });
    const fresh = await b.call('startResponse', { waveId: wave.id, respondentCode: 'NEW001', organisationId: null, mode: 'form' });
    await b.call('saveAnswer', { responseId: fresh.id, instrumentId: KS, itemId: 'ks_amb_03', value: 4, text: null });
    await b.call('completeResponse', { responseId: fresh.id });
    const fromB = await studyFileContent(b.call, network.id);
    const auditBefore = session.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

    const page = await openDataScreen(session);
    await page.getByTestId('data-open-merge').click();
    await heading(page, 'Studiebestand importeren').waitFor();
    await page.getByLabel('Studiebestand (.nwstudie)').setInputFiles({ name: 'laptop-b.nwstudie', mimeType: 'application/json', buffer: Buffer.from(fromB, 'utf8') });

    // The preview: counts, and nothing written yet.
    const preview = page.getByTestId('merge-preview');
    await preview.waitFor();
    expect(await textOf(page.getByTestId('merge-preview-responses-added'))).toBe('1');
    expect(await textOf(page.getByTestId('merge-preview-answers-added'))).toBe('1');
    expect(await textOf(page.getByTestId('merge-preview-networks-skipped'))).toBe('1');
    expect(await textOf(page.getByTestId('merge-preview-conflict-count'))).toBe('2 conflicten om te beslissen.');
    expect(session.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);
    expect(session.db.prepare("SELECT count(*) FROM respondents WHERE code = 'NEW001'").pluck().get()).toBe(0);

    // The conflict, with both versions side by side.
    const conflict = page.getByTestId(`conflict-${shared.id}`);
    expect(await textOf(conflict.getByRole('heading', { level: 3 }))).toBe('ABC123, meting T0 (Dementie Twente): op beide laptops gewijzigd');
    const cells = (itemId: string) => conflict.getByTestId(`difference-${itemId}`).locator('th, td').allTextContents();
    expect(await cells('ks_amb_01')).toEqual(['ks_amb_01', '5', '2']);
    expect(await cells('ks_amb_02')).toEqual(['ks_amb_02', '(leeg)', '3']);
    expect(await conflict.getByRole('radio').count()).toBe(2);
    const duplicate = page.getByTestId(`conflict-${dupB.id}`);
    expect(await textOf(duplicate.getByRole('heading', { level: 3 }))).toBe('DUP001, meting T0 (Dementie Twente): dezelfde code voor twee personen');
    expect(await duplicate.getByRole('radio').count()).toBe(3);

    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-merge-preview.png', fullPage: true });

    // Importing without choosing everything is refused, and nothing changes.
    await conflict.getByRole('radio', { name: 'De versie uit het bestand nemen' }).check();
    expect(await textOf(page.getByTestId('merge-undecided'))).toBe('Nog 1 keuze te maken.');
    await page.getByTestId('merge-import').click();
    await page.getByTestId('merge-import-error').waitFor();
    expect(await textOf(page.getByTestId('merge-import-error'))).toContain('Kies eerst bij elk conflict welke versie blijft (nog 1 open)');
    expect(session.db.prepare("SELECT count(*) FROM respondents WHERE code = 'NEW001'").pluck().get()).toBe(0);

    await duplicate.getByRole('radio', { name: 'Beide bewaren: de persoon uit het bestand krijgt een nieuwe code' }).check();
    await page.getByTestId('merge-import').click();
    await page.getByTestId('merge-report').waitFor();
    expect(await textOf(page.getByTestId('merge-status'))).toMatch(/^Het studiebestand is geïmporteerd\. Vooraf is reservekopie netwerkspiegel-.*-voor-import\.sqlite gemaakt\.$/);
    const decisions = await textOf(page.getByTestId('merge-report-decisions'));
    expect(decisions).toContain('ABC123, meting T0: De versie uit het bestand nemen.');
    expect(decisions).toContain('DUP001, meting T0: Beide bewaren: de persoon uit het bestand krijgt een nieuwe code. De persoon uit het bestand heeft nu code DUP001-2.');
    await page.screenshot({ path: '/tmp/netwerkspiegel-merge-done.png', fullPage: true });

    // In SQLite: B's version of the conflict, both people with DUP001, the new person, and the choices logged.
    const value = (responseId: string, itemId: string) => session.db.prepare('SELECT value FROM answers WHERE response_id = ? AND item_id = ?').pluck().get(responseId, itemId);
    expect(value(shared.id, 'ks_amb_01')).toBe(2);
    expect(value(shared.id, 'ks_amb_02')).toBe(3);
    const people = session.db
      .prepare('SELECT p.code, r.id, r.mode FROM responses r JOIN respondents p ON p.id = r.respondent_id ORDER BY p.code')
      .all();
    expect(people).toEqual([
      { code: 'ABC123', id: shared.id, mode: 'form' },
      { code: 'DUP001', id: dupA.id, mode: 'form' },
      { code: 'DUP001-2', id: dupB.id, mode: 'paper' },
      { code: 'NEW001', id: fresh.id, mode: 'form' },
    ]);
    const choices = session.db.prepare("SELECT details FROM audit_log WHERE action = 'study.conflict_decided' ORDER BY rowid").pluck().all() as string[];
    expect(choices.map((d) => (JSON.parse(d) as { choice: string }).choice).sort()).toEqual(['both', 'incoming']);
    expect(readdirSync(join(session.dir, 'backups')).some((n) => n.endsWith('-voor-import.sqlite'))).toBe(true);

    // The same file again: nothing changes.
    const before = session.db.prepare('SELECT * FROM answers ORDER BY id').all();
    await page.getByLabel('Studiebestand (.nwstudie)').setInputFiles({ name: 'laptop-b.nwstudie', mimeType: 'application/json', buffer: Buffer.from(fromB, 'utf8') });
    await page.getByTestId('merge-preview').waitFor();
    expect(await textOf(page.getByTestId('merge-preview-conflict-count'))).toBe('0 conflicten om te beslissen.');
    await page.getByTestId('merge-import').click();
    await page.getByTestId('merge-status').getByText('er is niets veranderd').waitFor();
    expect(session.db.prepare('SELECT * FROM answers ORDER BY id').all()).toEqual(before);

    // A file that is not a study file is refused on the screen.
    await page.getByLabel('Studiebestand (.nwstudie)').setInputFiles({ name: 'lijst.nwstudie', mimeType: 'application/json', buffer: Buffer.from('{"networks":[]}', 'utf8') });
    await page.getByTestId('merge-error').waitFor();
    expect(await textOf(page.getByTestId('merge-error'))).toBe(
      'Dit is geen Netwerkspiegel-studiebestand. Kies een bestand dat met "Studiebestand exporteren" is gemaakt. Er is niets gewijzigd.',
    );
    expect(session.problems).toEqual([]);
  });
});

describe('Studiebestand importeren: erasures and refused files', () => {
  it('lists the erasures a file carries with their codes, imports only after the confirmation, and lists every problem of an edited file', async () => {
    const session = await newSession();
    const b = secondLaptop(cleanup);
    const network = await session.call('createNetwork', { name: 'Wijknetwerk Oost' });
    const wave = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    for (const code of ['WIS001', 'BLIJF1']) {
      const r = await session.call('startResponse', { waveId: wave.id, respondentCode: code, organisationId: null, mode: 'form' });
      await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
    }
    await b.call('importStudyFile', { content: await studyFileContent(session.call, network.id), decisions: [] });
    await b.call('eraseRespondent', { networkId: network.id, respondentCode: 'WIS001', confirmCode: 'WIS001' });
    const fromB = await studyFileContent(b.call, network.id);

    const page = await openDataScreen(session);
    await page.getByTestId('data-open-merge').click();
    await heading(page, 'Studiebestand importeren').waitFor();
    await page.getByLabel('Studiebestand (.nwstudie)').setInputFiles({ name: 'laptop-b.nwstudie', mimeType: 'application/json', buffer: Buffer.from(fromB, 'utf8') });
    const erasures = page.getByTestId('merge-erasures');
    await erasures.waitFor();
    expect(await erasures.locator('li').allTextContents()).toEqual(['Wijknetwerk Oost: WIS001, met de vragenlijsten van T0']);
    expect(await page.getByTestId('merge-import').isDisabled()).toBe(true);
    expect(await textOf(page.getByTestId('merge-erasures-unconfirmed'))).toContain('Bevestig eerst de wissingen');
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-merge-erasures.png', fullPage: true });
    expect(session.db.prepare("SELECT count(*) FROM respondents WHERE code = 'WIS001'").pluck().get()).toBe(1);

    await page.getByLabel('Ik bevestig dat deze respondent op deze laptop gewist wordt').check();
    await page.getByTestId('merge-import').click();
    await page.getByTestId('merge-report').waitFor();
    expect(session.db.prepare('SELECT code FROM respondents ORDER BY code').pluck().all()).toEqual(['BLIJF1']);

    // The same file edited by hand and sealed again: every kind of problem is listed.
    const edited = JSON.parse(fromB) as StudyFile;
    edited.data.networks[0]!.min_group_size = 1;
    edited.data.waves[0]!.planned_date = '2026-99-99';
    edited.checksum.value = studyChecksum(edited.manifest, edited.data);
    await page.getByLabel('Studiebestand (.nwstudie)').setInputFiles({ name: 'bewerkt.nwstudie', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited), 'utf8') });
    const problems = page.getByTestId('merge-error');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual([
      '1 waarde die de app zelf niet zou opslaan: netwerk 1 → min_group_size: Een groep van minder dan 3 is niet anoniem.',
      '1 datum of tijdstip dat niet bestaat: meting 1 → planned_date: Gebruik een datum als 2026-03-31.',
    ]);
    expect(await textOf(problems)).toContain('Er is niets gewijzigd.');
    expect(session.problems).toEqual([]);
  });
});

describe('Reservekopieën: making and restoring a backup', () => {
  it('restores a backup after a confirmation, keeps the data of before in a new backup, and the file holds the restored data', async () => {
    const session = await newSession();
    await session.call('createNetwork', { name: 'Blijft bestaan' });
    const page = await openDataScreen(session);
    await page.getByLabel('Uw naam (voor het auditlog)').fill('Anna de Vries');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('data-settings-status').getByText('opgeslagen').waitFor();

    await page.getByTestId('data-open-backups').click();
    await heading(page, 'Reservekopieën').waitFor();
    expect(await textOf(page.getByTestId('backups-folder'))).toContain(join(session.dir, 'backups'));
    await page.getByTestId('backup-create').click();
    await page.getByTestId('backups-status').getByText('Reservekopie gemaakt').waitFor();
    const rows = page.getByTestId('backup-list').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await textOf(rows.first().locator('td').first())).toBe('zelf gemaakt');

    // Something that comes after the backup.
    await session.call('createNetwork', { name: 'Komt later' });

    await rows.first().getByRole('button', { name: /^Reservekopie van .* terugzetten$/ }).click();
    const confirm = page.getByTestId('restore-confirm');
    await confirm.waitFor();
    expect(await textOf(confirm)).toContain('De huidige gegevens worden eerst zelf als reservekopie bewaard');
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-restore-confirm.png', fullPage: true });
    await page.getByTestId('restore-confirm-button').click();
    await page.getByTestId('backups-status').getByText('is teruggezet').waitFor();
    expect(await textOf(page.getByTestId('backups-status'))).toMatch(/De gegevens van vóór het terugzetten staan in reservekopie netwerkspiegel-.*-voor-herstel\.sqlite\.$/);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await textOf(rows.first().locator('td').first())).toBe('vóór het terugzetten');

    // The file on disk (a fresh connection: the file was replaced) holds the backup's data; the
    // safety copy holds what came after; the log tells both stories.
    const db = new Database(session.databasePath, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT name FROM networks ORDER BY name').pluck().all()).toEqual(['Blijft bestaan']);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      const log = db.prepare("SELECT action, actor FROM audit_log WHERE action IN ('network.created', 'backup.created', 'backup.restored') ORDER BY at, rowid").all();
      expect(log).toEqual([
        { action: 'network.created', actor: null },
        { action: 'backup.created', actor: 'Anna de Vries' },
        { action: 'network.created', actor: 'Anna de Vries' },
        { action: 'backup.restored', actor: 'Anna de Vries' },
      ]);
    } finally {
      db.close();
    }
    const safetyName = readdirSync(join(session.dir, 'backups')).find((n) => n.endsWith('-voor-herstel.sqlite'))!;
    const safety = new Database(join(session.dir, 'backups', safetyName), { readonly: true });
    expect(safety.prepare('SELECT name FROM networks ORDER BY name').pluck().all()).toEqual(['Blijft bestaan', 'Komt later']);
    safety.close();

    // The app goes on with the restored data.
    await page.getByTestId('back').click();
    await page.getByTestId('data-open-audit').click();
    await heading(page, 'Auditlog').waitFor();
    const first = page.getByTestId('audit-list').locator('tbody tr').first();
    expect(await textOf(first.locator('td').nth(3))).toMatch(/^Reservekopie netwerkspiegel-.*-handmatig\.sqlite teruggezet$/);
    expect(await textOf(first.locator('td').nth(2))).toBe('Anna de Vries');
    await page.getByTestId('back').click();
    await page.getByTestId('back').click();
    await heading(page, 'Netwerken').waitFor();
    const names = await page.getByTestId('network-list').locator('h3').allTextContents();
    expect(names).toEqual(['Blijft bestaan']);
    expect(session.problems).toEqual([]);
  });
});

describe('Reservekopieën: a restore interrupted by a crash', () => {
  it('says so on the backups screen at the next start, and the audit log has it once', async () => {
    const backupName = 'netwerkspiegel-2026-03-12T14-05-09-123Z-voor-import.sqlite';
    // What a restore killed before its rename leaves beside the database: its temporary restored file.
    const session = await newSession((databasePath) => writeFileSync(restoreTempPathFor(databasePath, backupName), 'half'));
    const page = await openDataScreen(session);
    await page.getByTestId('data-open-backups').click();
    await heading(page, 'Reservekopieën').waitFor();
    const notice = page.getByTestId('restore-interrupted');
    expect(await textOf(notice)).toMatch(
      new RegExp(`^Bij het starten op .* bleek dat het terugzetten van reservekopie ${backupName.replace(/\./g, '\\.')} was onderbroken .*Er is niets teruggezet`),
    );
    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    expect(session.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'backup.restore_interrupted'").pluck().all()).toEqual([backupName]);
    expect(readdirSync(session.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
