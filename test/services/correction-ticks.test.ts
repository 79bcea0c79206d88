import { describe, expect, it } from 'vitest';
import { auditSentence } from '../../renderer/src/features/data/auditSentence';
import { useLocaleTranslator } from '../support/locale-translator';
import { useServices } from '../support/services';
import { structuredInstrument } from '../support/structured-instrument';

/**
 * A corrected multiple-choice answer in the audit log, through the real dispatcher on a real
 * SQLite file and read back as the log screen words it (test/support/structured-instrument.ts:
 * co_kanalen "Contactvormen" with 1 Telefoon, 2 E-mail, 3 Overleg, 4 Beveiligde app, 9 Geen van deze).
 */

const CO = 'clientoverleg';
const open = useServices();
const translator = useLocaleTranslator();

describe('correcting a multiple-choice answer', () => {
  it('logs the ticked codes before and after with their labels, and the log names the options', async () => {
    const s = open();
    await s.ok('importInstrument', { definitionJson: JSON.stringify(structuredInstrument()) });
    const network = await s.ok('createNetwork', { name: 'Dementienetwerk Zuid' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: CO, version: 1 }] });
    const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'R-001', organisationId: null, mode: 'paper' });
    const answer = (itemId: string, value: number | null, text: string | null = null) => s.ok('saveAnswer', { responseId: response.id, instrumentId: CO, itemId, value, text });
    await answer('co_rol', 1);
    await answer('co_kanalen', null, '1,2');
    await answer('co_01', 4);
    await answer('co_02', 4);
    await s.ok('completeResponse', { responseId: response.id });
    await s.ok('correctResponse', {
      responseId: response.id,
      reason: 'Overtypfout: op papier staat de app',
      answers: [
        { instrumentId: CO, itemId: 'co_kanalen', value: null, text: '1,4' },
        { instrumentId: CO, itemId: 'co_app', value: 5, text: null },
      ],
    });
    const details = s.db.prepare("SELECT details FROM audit_log WHERE action = 'response.corrected'").pluck().get() as string;
    expect(JSON.parse(details).changes).toEqual([
      {
        instrumentId: CO,
        itemId: 'co_kanalen',
        textChanged: true,
        label: 'Contactvormen',
        oldCodes: [1, 2],
        newCodes: [1, 4],
        optionLabels: { '1': 'Telefoon', '2': 'E-mail', '4': 'Beveiligde app' },
      },
      { instrumentId: CO, itemId: 'co_app', old: null, new: 5 },
    ]);
    const [entry] = (await s.ok('listAuditLog', { offset: 0, limit: 50, kind: 'response.corrected' })).entries.filter((e) => e.action === 'response.corrected');
    expect(auditSentence(entry!, translator('nl'))).toBe(
      'Ingeleverde vragenlijst gecorrigeerd in meting T0 van netwerk Dementienetwerk Zuid, 2 antwoorden: Contactvormen: Telefoon, E-mail → Telefoon, Beveiligde app, co_app van leeg naar 5. Reden: Overtypfout: op papier staat de app',
    );
  });
});
