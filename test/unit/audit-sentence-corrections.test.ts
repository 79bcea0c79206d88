import { describe, expect, it } from 'vitest';
import { auditSentence } from '../../renderer/src/features/data/auditSentence';
import type { AuditEntryView } from '../../shared/study';
import { useLocaleTranslator } from '../support/locale-translator';

/** Corrections in the audit log: a rename names the old and the new name, in Dutch and English (sentences written out by hand). */

const translator = useLocaleTranslator();
const OTHER = 'a1b2c3d4-1111-4222-8333-944455556666';

function entry(action: string, entity: string, details: Record<string, unknown>, names: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    id: '0b9c1f7e-2d3a-4c5b-8e6f-7a8b9c0d1e2f',
    at: '2026-03-12T14:05:09.123Z',
    deviceId: '3f2a9c1e-0b7d-4e55-9a21-6c0d2b8e4f10',
    thisDevice: true,
    actor: null,
    action,
    entity,
    entityId: null,
    details: JSON.stringify(details),
    networkId: 'n',
    networkName: 'Dementie Oost',
    waveLabel: null,
    organisationName: null,
    ...names,
  };
}

describe('corrections as sentences', () => {
  it('says what a rename was, from and to', () => {
    const nl = translator('nl');
    expect(auditSentence(entry('network.updated', 'network', { from: 'Dementie Oost', to: 'Dementienetwerk Oost' }), nl)).toBe('Netwerk Dementie Oost hernoemd tot Dementienetwerk Oost');
    expect(auditSentence(entry('organisation.updated', 'organisation', { from: 'Thuiszorg', to: 'Thuiszorg Oost' }), nl)).toBe(
      'Organisatie Thuiszorg in netwerk Dementie Oost hernoemd tot Thuiszorg Oost',
    );
    expect(auditSentence(entry('wave.updated', 'wave', { label: 'Nulmeting', from: 'T0', to: 'Nulmeting' }, { waveLabel: 'Nulmeting' }), nl)).toBe(
      'Meting T0 in netwerk Dementie Oost hernoemd tot Nulmeting',
    );
    expect(auditSentence(entry('organisation.updated_from_study', 'organisation', { from: 'A', to: 'B', sourceDevice: OTHER }), nl)).toBe(
      'Organisatie A in netwerk Dementie Oost hernoemd tot B uit een studiebestand van laptop a1b2c3d4',
    );
  });

  it('reads in English too', () => {
    const en = translator('en');
    expect(auditSentence(entry('wave.closed', 'wave', { label: 'T0' }, { waveLabel: 'T0' }), en)).toBe('Wave T0 in network Dementie Oost closed');
    expect(auditSentence(entry('organisation.removed', 'network', { from: 'Huisartsen' }), en)).toBe('Organisation Huisartsen removed from network Dementie Oost');
    expect(auditSentence(entry('network.updated', 'network', { from: 'X', to: 'Y' }), en)).toBe('Network X renamed to Y');
  });

  it('falls back on the short name when the organisation is no longer known here', () => {
    expect(auditSentence(entry('organisation.archived', 'organisation', {}), translator('nl'))).toBe('Organisatie gearchiveerd');
  });
});

describe('a corrected multiple-choice answer as a sentence', () => {
  const corrected = (change: Record<string, unknown>) =>
    entry('response.corrected', 'response', { waveId: 'w', correctionReason: 'Overtypfout', changes: [{ instrumentId: 'x', itemId: 'co_kanalen', textChanged: true, ...change }] }, { waveLabel: 'T0' });
  const ticks = { label: 'Contactvormen', oldCodes: [1, 2], newCodes: [1, 4], optionLabels: { '1': 'Telefoon', '2': 'E-mail', '4': 'Beveiligde app' } };

  it('names the ticked options before and after, by their labels', () => {
    expect(auditSentence(corrected(ticks), translator('nl'))).toBe(
      'Ingeleverde vragenlijst gecorrigeerd in meting T0 van netwerk Dementie Oost: Contactvormen: Telefoon, E-mail → Telefoon, Beveiligde app. Reden: Overtypfout',
    );
    expect(auditSentence(corrected({ ...ticks, oldCodes: [], newCodes: [9], optionLabels: { '9': 'Geen van deze' } }), translator('en'))).toBe(
      'Submitted questionnaire corrected in wave T0 of network Dementie Oost: Contactvormen: empty → Geen van deze. Reason: Overtypfout',
    );
  });

  it('falls back on the codes without their labels, and on "tekst gewijzigd" for an entry without codes', () => {
    expect(auditSentence(corrected({ oldCodes: [3], newCodes: [3, 4] }), translator('nl'))).toBe(
      'Ingeleverde vragenlijst gecorrigeerd in meting T0 van netwerk Dementie Oost: co_kanalen: 3 → 3, 4. Reden: Overtypfout',
    );
    expect(auditSentence(corrected({}), translator('nl'))).toBe('Ingeleverde vragenlijst gecorrigeerd in meting T0 van netwerk Dementie Oost: co_kanalen (tekst gewijzigd). Reden: Overtypfout');
  });
});
