import { describe, expect, it } from 'vitest';
import { studyChecksum } from '../../electron/services/data/study-files';
import type { StudyFile } from '../../shared/study';
import { studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * Answers about partner organisations travel in study files with their response: exported, read
 * back and imported on another laptop as they were; merged with the response's answers (a
 * response that only grew elsewhere is taken over, answers about organisations included); an
 * organisation another laptop matched by name is named by its id here; and a file that claims a
 * relation answer about an organisation of another network is refused.
 */

const open = useServices();
const PA = 'partnernetwerk';

const relationRows = (s: Laptop) =>
  s.db
    .prepare(
      `SELECT p.code, ra.item_id, o.name AS about, ra.value FROM relation_answers ra
       JOIN responses r ON r.id = ra.response_id JOIN respondents p ON p.id = r.respondent_id JOIN organisations o ON o.id = ra.organisation_id
       ORDER BY p.code, ra.item_id, o.name`,
    )
    .all();

async function laptopWithAnswers() {
  const a = open();
  const network = await a.ok('createNetwork', { name: 'Palliatief netwerk West' });
  const add = (name: string) => a.ok('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null });
  const [hospice, thuiszorg, huisarts] = [await add('Hospice'), await add('Thuiszorg'), await add('Huisarts')];
  const wave = await a.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: PA, version: 1 }] });
  const r1 = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'HOS001', organisationId: hospice.id, mode: 'form' });
  const relation = (responseId: string, organisationId: string, itemId: string, value: number) => a.ok('saveRelationAnswer', { responseId, instrumentId: PA, itemId, organisationId, value });
  await relation(r1.id, thuiszorg.id, 'pa_frequentie', 4);
  await relation(r1.id, thuiszorg.id, 'pa_vertrouwen', 3);
  await relation(r1.id, huisarts.id, 'pa_frequentie', 9);
  await a.ok('completeResponse', { responseId: r1.id });
  const r2 = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'THU001', organisationId: thuiszorg.id, mode: 'form' });
  await relation(r2.id, hospice.id, 'pa_frequentie', 2);
  return { a, network, wave, hospice, thuiszorg, huisarts, r1, r2, relation };
}

describe('answers about partner organisations in study files', () => {
  it('go into the file and come out on another laptop as they were, counted with the answers', async () => {
    const { a, network } = await laptopWithAnswers();
    const content = await studyFileOf(a, [network.id]);
    const file = JSON.parse(content) as { data: { relation_answers: { item_id: string; value: number }[] } };
    expect(file.data.relation_answers.map((r) => `${r.item_id} ${r.value}`).sort()).toEqual(['pa_frequentie 2', 'pa_frequentie 4', 'pa_frequentie 9', 'pa_vertrouwen 3']);

    const b = open();
    const preview = await b.ok('previewStudyFile', { content });
    expect(preview.counts.answers).toEqual({ added: 4, skipped: 0 });
    await b.ok('importStudyFile', { content, decisions: [] });
    expect(relationRows(b)).toEqual(relationRows(a));
    expect(relationRows(b)).toEqual([
      { code: 'HOS001', item_id: 'pa_frequentie', about: 'Huisarts', value: 9 },
      { code: 'HOS001', item_id: 'pa_frequentie', about: 'Thuiszorg', value: 4 },
      { code: 'HOS001', item_id: 'pa_vertrouwen', about: 'Thuiszorg', value: 3 },
      { code: 'THU001', item_id: 'pa_frequentie', about: 'Hospice', value: 2 },
    ]);
    // The same file again changes nothing.
    const again = await b.ok('previewStudyFile', { content });
    expect(again.counts.answers).toEqual({ added: 0, skipped: 4 });
  });

  it('merge with their response: an unfinished questionnaire that grew on one laptop is taken over with its new answers about organisations', async () => {
    const { a, network, r2, huisarts } = await laptopWithAnswers();
    const b = open();
    await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
    // On B the unfinished questionnaire of THU001 goes on (the researcher resumes it there).
    await b.ok('saveRelationAnswer', { responseId: r2.id, instrumentId: PA, itemId: 'pa_frequentie', organisationId: huisarts.id, value: 5 });
    const fromB = await studyFileOf(b, [network.id]);
    const preview = await a.ok('previewStudyFile', { content: fromB });
    expect(preview.conflicts).toEqual([]);
    expect(preview.counts.answers.added).toBe(1);
    await a.ok('importStudyFile', { content: fromB, decisions: [] });
    expect(relationRows(a)).toEqual(relationRows(b));
    expect(relationRows(a)).toContainEqual({ code: 'THU001', item_id: 'pa_frequentie', about: 'Huisarts', value: 5 });
  });

  it('shows a different answer about an organisation on both laptops as a conflict, named by the organisation', async () => {
    const { a, network, r2, hospice } = await laptopWithAnswers();
    const b = open();
    await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
    await a.ok('saveRelationAnswer', { responseId: r2.id, instrumentId: PA, itemId: 'pa_frequentie', organisationId: hospice.id, value: 3 });
    await b.ok('saveRelationAnswer', { responseId: r2.id, instrumentId: PA, itemId: 'pa_frequentie', organisationId: hospice.id, value: 5 });
    const fromB = await studyFileOf(b, [network.id]);
    const preview = await a.ok('previewStudyFile', { content: fromB });
    expect(preview.conflicts.map((c) => c.differences)).toEqual([[{ instrumentId: PA, itemId: 'pa_frequentie (Hospice)', local: 3, incoming: 5 }]]);
    await a.ok('importStudyFile', { content: fromB, decisions: [{ incomingResponseId: r2.id, choice: 'incoming' }] });
    expect(relationRows(a)).toContainEqual({ code: 'THU001', item_id: 'pa_frequentie', about: 'Hospice', value: 5 });
  });

  it('refuses a file whose answer names an organisation of another network, and writes nothing', async () => {
    const { a, network } = await laptopWithAnswers();
    const other = await a.ok('createNetwork', { name: 'Ander netwerk' });
    const elsewhere = await a.ok('addOrganisation', { networkId: other.id, name: 'Elders', sector: 'zorg', sizeClass: null });
    const file = JSON.parse(await studyFileOf(a, [network.id, other.id])) as StudyFile;
    file.data.relation_answers[0]!.organisation_id = elsewhere.id;
    // Re-sealed with a correct checksum, as anyone can.
    file.checksum.value = studyChecksum(file.manifest, file.data);
    const content = JSON.stringify(file);
    const b = open();
    const refused = await b.call('previewStudyFile', { content });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/antwoord over een partnerorganisatie 1/);
    expect(relationRows(b)).toEqual([]);
  });
});
