import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../shared/contract';
import { snapshot, useServices } from '../support/services';

const open = useServices();
const missingId = '00000000-0000-4000-8000-000000000000';
const long = (n: number) => 'x'.repeat(n);

/** A network with an organisation, a wave and a started response, so ids exist for the "unknown id" cases. */
async function world() {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Dementienetwerk Noord' });
  const org = await s.ok('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const wave = await s.ok('createWave', {
    networkId: network.id,
    label: 'T0',
    kind: 'T0',
    plannedDate: '2026-03-01',
    instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }],
  });
  const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: org.id, mode: 'form' });
  return { ...s, network, org, wave, response };
}

type World = Awaited<ReturnType<typeof world>>;
type Case = [description: string, input: (w: World) => unknown, code: string];

/** Bad inputs per method: wrong types, unknown fields and ids, oversized strings. Each must be refused and write nothing. */
const badInputs: Record<MethodName, Case[]> = {
  getAppInfo: [['an unexpected field', () => ({ x: 1 }), 'VALIDATION']],
  listNetworks: [['a string instead of an object', () => 'all', 'VALIDATION']],
  createNetwork: [
    ['an empty name', () => ({ name: '   ' }), 'VALIDATION'],
    ['a name of 121 characters', () => ({ name: long(121) }), 'VALIDATION'],
    ['a number as name', () => ({ name: 42 }), 'VALIDATION'],
    ['an unknown field', () => ({ name: 'A', admin: true }), 'VALIDATION'],
    ['an oversized description', () => ({ name: 'A', description: long(2001) }), 'VALIDATION'],
    ['an unknown kiosk stop choice', () => ({ name: 'A', kioskStop: 'ask' }), 'VALIDATION'],
  ],
  getNetwork: [
    ['an unknown id', () => ({ networkId: missingId }), 'NOT_FOUND'],
    ['not a uuid', () => ({ networkId: "1' OR 1=1" }), 'VALIDATION'],
  ],
  addOrganisation: [
    ['an unknown network', () => ({ networkId: missingId, name: 'X', sector: 'zorg', sizeClass: null }), 'NOT_FOUND'],
    ['an unknown sector', (w) => ({ networkId: w.network.id, name: 'X', sector: 'bank', sizeClass: null }), 'VALIDATION'],
    ['a size class that is not a class', (w) => ({ networkId: w.network.id, name: 'X', sector: 'zorg', sizeClass: '80 fte' }), 'VALIDATION'],
    ['a duplicate name', (w) => ({ networkId: w.network.id, name: 'thuiszorg oost', sector: 'zorg', sizeClass: null }), 'CONFLICT'],
  ],
  createWave: [
    ['an unknown network', () => ({ networkId: missingId, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] }), 'NOT_FOUND'],
    ['an unknown instrument', (w) => ({ networkId: w.network.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: 'aitcs-ii', version: 1 }] }), 'NOT_FOUND'],
    ['no instruments', (w) => ({ networkId: w.network.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [] }), 'VALIDATION'],
    ['a date that is no date', (w) => ({ networkId: w.network.id, label: 'T1', kind: 'T1', plannedDate: '31-02-2026', instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] }), 'VALIDATION'],
    ['a label already used', (w) => ({ networkId: w.network.id, label: 't0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] }), 'CONFLICT'],
    ['an unknown kind', (w) => ({ networkId: w.network.id, label: 'T5', kind: 'T5', plannedDate: null, instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] }), 'VALIDATION'],
  ],
  listInstruments: [['an array', () => [], 'VALIDATION']],
  getInstrument: [
    ['an unknown version', () => ({ instrumentId: 'kansrijke-samenwerking', version: 99 }), 'NOT_FOUND'],
    ['a fractional version', () => ({ instrumentId: 'kansrijke-samenwerking', version: 1.5 }), 'VALIDATION'],
  ],
  startResponse: [
    ['an unknown wave', () => ({ waveId: missingId, respondentCode: 'XYZ789', organisationId: null, mode: 'form' }), 'NOT_FOUND'],
    ['a code with forbidden characters', (w) => ({ waveId: w.wave.id, respondentCode: 'Jan de Vries', organisationId: null, mode: 'form' }), 'VALIDATION'],
    ['a code that is too long', (w) => ({ waveId: w.wave.id, respondentCode: long(17), organisationId: null, mode: 'form' }), 'VALIDATION'],
    ['an organisation from nowhere', (w) => ({ waveId: w.wave.id, respondentCode: 'XYZ789', organisationId: missingId, mode: 'form' }), 'NOT_FOUND'],
    ['an unknown mode', (w) => ({ waveId: w.wave.id, respondentCode: 'XYZ789', organisationId: null, mode: 'online' }), 'VALIDATION'],
    ['birth month 0', (w) => ({ waveId: w.wave.id, respondentCode: 'XYZ789', organisationId: null, mode: 'form', birthMonth: 0 }), 'VALIDATION'],
    ['birth month 13', (w) => ({ waveId: w.wave.id, respondentCode: 'XYZ789', organisationId: null, mode: 'form', birthMonth: 13 }), 'VALIDATION'],
    ['a birth month as text', (w) => ({ waveId: w.wave.id, respondentCode: 'XYZ789', organisationId: null, mode: 'form', birthMonth: 'juli' }), 'VALIDATION'],
    ['a fractional birth month', (w) => ({ waveId: w.wave.id, respondentCode: 'XYZ789', organisationId: null, mode: 'form', birthMonth: 6.5 }), 'VALIDATION'],
  ],
  getResponse: [['an unknown response', () => ({ responseId: missingId }), 'NOT_FOUND']],
  saveRelationAnswer: [
    ['an unknown response', (w) => ({ responseId: missingId, instrumentId: 'partnernetwerk', itemId: 'pa_frequentie', organisationId: w.org.id, value: 2 }), 'NOT_FOUND'],
    ['an instrument not in the wave', (w) => ({ responseId: w.response.id, instrumentId: 'partnernetwerk', itemId: 'pa_frequentie', organisationId: w.org.id, value: 2 }), 'VALIDATION'],
    ['an organisation that is no id', (w) => ({ responseId: w.response.id, instrumentId: 'partnernetwerk', itemId: 'pa_frequentie', organisationId: 'Thuiszorg Oost', value: 2 }), 'VALIDATION'],
    ['text as value', (w) => ({ responseId: w.response.id, instrumentId: 'partnernetwerk', itemId: 'pa_frequentie', organisationId: w.org.id, value: 'vaak' }), 'VALIDATION'],
    ['an unknown field', (w) => ({ responseId: w.response.id, instrumentId: 'partnernetwerk', itemId: 'pa_frequentie', organisationId: w.org.id, value: 2, text: null }), 'VALIDATION'],
  ],
  exportPartnerNetwork: [
    ['an unknown network', () => ({ networkId: missingId, instrumentId: 'partnernetwerk', separator: ';' }), 'NOT_FOUND'],
    ['a tab as separator', (w) => ({ networkId: w.network.id, instrumentId: 'partnernetwerk', separator: '\t' }), 'VALIDATION'],
  ],
  getPartnerNetwork: [
    ['an unknown network', () => ({ networkId: missingId, instrumentId: 'partnernetwerk' }), 'NOT_FOUND'],
    ['no instrument', (w) => ({ networkId: w.network.id }), 'VALIDATION'],
  ],
  saveAnswer: [
    ['an unknown response', () => ({ responseId: missingId, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: 4, text: null }), 'NOT_FOUND'],
    ['an unknown item', (w) => ({ responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_zzz_01', value: 4, text: null }), 'VALIDATION'],
    ['an instrument not in the wave', (w) => ({ responseId: w.response.id, instrumentId: 'other', itemId: 'ks_amb_01', value: 4, text: null }), 'VALIDATION'],
    ['a code outside the scale', (w) => ({ responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: 6, text: null }), 'VALIDATION'],
    ['a grade of 11', (w) => ({ responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_cijfer', value: 11, text: null }), 'VALIDATION'],
    ['text for a scale item', (w) => ({ responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: null, text: 'eens' }), 'VALIDATION'],
    ['a number for an open item', (w) => ({ responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_open_goed', value: 3, text: null }), 'VALIDATION'],
    ['an open answer over the item limit', (w) => ({ responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_open_goed', value: null, text: long(2001) }), 'VALIDATION'],
    ['an oversized text', (w) => ({ responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_open_goed', value: null, text: long(4001) }), 'VALIDATION'],
    ['a value as a string', (w) => ({ responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: '4', text: null }), 'VALIDATION'],
    ['missing fields', (w) => ({ responseId: w.response.id }), 'VALIDATION'],
  ],
  completeResponse: [['an unknown response', () => ({ responseId: missingId }), 'NOT_FOUND']],
  updateNetworkSettings: [
    ['an unknown network', () => ({ networkId: missingId, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 5 }), 'NOT_FOUND'],
    ['an idle timeout of 5 seconds', (w) => ({ networkId: w.network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 5, minGroupSize: 5 }), 'VALIDATION'],
    ['an unknown code policy', (w) => ({ networkId: w.network.id, consentNl: null, consentEn: null, codePolicy: 'random', idleSeconds: 120, minGroupSize: 5 }), 'VALIDATION'],
    ['a minimum group of 1', (w) => ({ networkId: w.network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 1 }), 'VALIDATION'],
    ['an oversized consent text', (w) => ({ networkId: w.network.id, consentNl: long(8001), consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 5 }), 'VALIDATION'],
    ['an unknown kiosk stop choice', (w) => ({ networkId: w.network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 5, kioskStop: 'delete' }), 'VALIDATION'],
  ],
  updateNetwork: [
    ['an unknown network', () => ({ networkId: missingId, name: 'Netwerk', description: null }), 'NOT_FOUND'],
    ['an empty name', (w) => ({ networkId: w.network.id, name: '   ', description: null }), 'VALIDATION'],
    ['a name of 121 characters', (w) => ({ networkId: w.network.id, name: long(121), description: null }), 'VALIDATION'],
    ['a description of 2001 characters', (w) => ({ networkId: w.network.id, name: 'Netwerk', description: long(2001) }), 'VALIDATION'],
  ],
  updateOrganisation: [
    ['an unknown organisation', () => ({ organisationId: missingId, name: 'Org', sector: 'zorg', sizeClass: null, joinedOn: null, leftOn: null, expectedParticipants: null }), 'NOT_FOUND'],
    ['leaving before joining', (w) => ({ organisationId: w.org.id, name: 'Org', sector: 'zorg', sizeClass: null, joinedOn: '2026-05-01', leftOn: '2026-04-30', expectedParticipants: null }), 'VALIDATION'],
    ['a day that does not exist', (w) => ({ organisationId: w.org.id, name: 'Org', sector: 'zorg', sizeClass: null, joinedOn: '2026-02-30', leftOn: null, expectedParticipants: null }), 'VALIDATION'],
    ['no participants expected', (w) => ({ organisationId: w.org.id, name: 'Org', sector: 'zorg', sizeClass: null, joinedOn: null, leftOn: null, expectedParticipants: 0 }), 'VALIDATION'],
    ['half a participant', (w) => ({ organisationId: w.org.id, name: 'Org', sector: 'zorg', sizeClass: null, joinedOn: null, leftOn: null, expectedParticipants: 2.5 }), 'VALIDATION'],
    ['an unknown sector', (w) => ({ organisationId: w.org.id, name: 'Org', sector: 'industrie', sizeClass: null, joinedOn: null, leftOn: null, expectedParticipants: null }), 'VALIDATION'],
    ['an empty name', (w) => ({ organisationId: w.org.id, name: '', sector: 'zorg', sizeClass: null, joinedOn: null, leftOn: null, expectedParticipants: null }), 'VALIDATION'],
  ],
  archiveOrganisation: [
    ['an unknown organisation', () => ({ organisationId: missingId, archived: true }), 'NOT_FOUND'],
    ['"ja" instead of true or false', (w) => ({ organisationId: w.org.id, archived: 'ja' }), 'VALIDATION'],
  ],
  removeOrganisation: [
    ['an organisation with responses', (w) => ({ organisationId: w.org.id }), 'CONFLICT'],
    ['an unknown organisation', () => ({ organisationId: missingId }), 'NOT_FOUND'],
  ],
  updateWave: [
    ['an unknown wave', () => ({ waveId: missingId, label: 'T1', plannedDate: null }), 'NOT_FOUND'],
    ['an empty label', (w) => ({ waveId: w.wave.id, label: ' ', plannedDate: null }), 'VALIDATION'],
    ['a label of 41 characters', (w) => ({ waveId: w.wave.id, label: long(41), plannedDate: null }), 'VALIDATION'],
    ['a date that is not a date', (w) => ({ waveId: w.wave.id, label: 'T0', plannedDate: 'volgende week' }), 'VALIDATION'],
    ['a new kind smuggled in', (w) => ({ waveId: w.wave.id, label: 'T0', plannedDate: null, kind: 'T2' }), 'VALIDATION'],
  ],
  setWaveStatus: [
    ['an unknown wave', () => ({ waveId: missingId, status: 'closed' }), 'NOT_FOUND'],
    ['an unknown status', (w) => ({ waveId: w.wave.id, status: 'paused' }), 'VALIDATION'],
  ],
  createOccasion: [
    ['an unknown wave', () => ({ waveId: missingId, label: 'MDO 12 maart', heldOn: null }), 'NOT_FOUND'],
    ['an empty label', (w) => ({ waveId: w.wave.id, label: ' ', heldOn: null }), 'VALIDATION'],
    ['a label of 31 characters', (w) => ({ waveId: w.wave.id, label: long(31), heldOn: null }), 'VALIDATION'],
    ['a date that is not a date', (w) => ({ waveId: w.wave.id, label: 'MDO', heldOn: '12 maart' }), 'VALIDATION'],
  ],
  listOccasions: [['an unknown wave', () => ({ waveId: missingId }), 'NOT_FOUND']],
  updateOccasion: [
    ['an unknown occasion', () => ({ occasionId: missingId, label: 'MDO', heldOn: null }), 'NOT_FOUND'],
    ['no label', () => ({ occasionId: missingId, heldOn: null }), 'VALIDATION'],
  ],
  getOccasionComparisons: [['an unknown wave', () => ({ waveId: missingId }), 'NOT_FOUND']],
  generateCodes: [
    ['zero codes', (w) => ({ networkId: w.network.id, count: 0 }), 'VALIDATION'],
    ['501 codes', (w) => ({ networkId: w.network.id, count: 501 }), 'VALIDATION'],
    ['an unknown network', () => ({ networkId: missingId, count: 5 }), 'NOT_FOUND'],
  ],
  listCodes: [['an unknown network', () => ({ networkId: missingId }), 'NOT_FOUND']],
  listResponses: [['an unknown wave', () => ({ waveId: missingId }), 'NOT_FOUND']],
  resumeResponse: [['an unknown response', () => ({ responseId: missingId }), 'NOT_FOUND']],
  discardResponse: [
    ['an unknown response', () => ({ responseId: missingId }), 'NOT_FOUND'],
    ['an unexpected field', (w) => ({ responseId: w.response.id, force: true }), 'VALIDATION'],
  ],
  correctResponse: [
    ['no reason', (w) => ({ responseId: w.response.id, reason: '  ', answers: [{ instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: 2, text: null }] }), 'VALIDATION'],
    ['a reason of 301 characters', (w) => ({ responseId: w.response.id, reason: long(301), answers: [{ instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: 2, text: null }] }), 'VALIDATION'],
    ['a reason with a control character', (w) => ({ responseId: w.response.id, reason: 'typfout\u0007', answers: [{ instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: 2, text: null }] }), 'VALIDATION'],
    ['an unknown response', () => ({ responseId: missingId, reason: 'typfout', answers: [{ instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: 2, text: null }] }), 'NOT_FOUND'],
    ['a response not yet submitted', (w) => ({ responseId: w.response.id, reason: 'typfout', answers: [{ instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: 2, text: null }] }), 'CONFLICT'],
  ],
  setResponseOrganisation: [
    ['an organisation from nowhere', (w) => ({ responseId: w.response.id, organisationId: missingId }), 'NOT_FOUND'],
    ['an unknown response', (w) => ({ responseId: missingId, organisationId: w.org.id }), 'NOT_FOUND'],
  ],
  getKioskState: [['an unexpected field', () => ({ admin: true }), 'VALIDATION']],
  setResearcherPin: [
    ['letters as a PIN', () => ({ pin: 'abcd', currentPin: null }), 'VALIDATION'],
    ['a PIN of two digits', () => ({ pin: '12', currentPin: null }), 'VALIDATION'],
  ],
  startKiosk: [
    ['no PIN set yet', (w) => ({ waveId: w.wave.id, pin: '1234' }), 'CONFLICT'],
    ['a PIN that is not digits', (w) => ({ waveId: w.wave.id, pin: '12a4' }), 'VALIDATION'],
  ],
  exitKiosk: [['a PIN of nine digits', () => ({ pin: '123456789' }), 'VALIDATION']],
  kioskBegin: [
    ['kiosk mode not active', () => ({ respondentCode: 'ABC999', consent: true, language: 'nl' }), 'CONFLICT'],
    ['no consent', () => ({ respondentCode: 'ABC999', consent: false, language: 'nl' }), 'VALIDATION'],
    ['an unknown language', () => ({ respondentCode: 'ABC999', consent: true, language: 'de' }), 'VALIDATION'],
    ['birth month 13', () => ({ respondentCode: 'ABC999', consent: true, language: 'nl', birthMonth: 13 }), 'VALIDATION'],
    ['a birth month as text', () => ({ respondentCode: 'ABC999', consent: true, language: 'nl', birthMonth: 'x' }), 'VALIDATION'],
  ],
  kioskReset: [['kiosk mode not active', () => ({}), 'CONFLICT']],
  stopKioskResponse: [
    ['kiosk mode not active', (w) => ({ responseId: w.response.id }), 'CONFLICT'],
    ['not a uuid', () => ({ responseId: 'current' }), 'VALIDATION'],
    ['an unexpected field', (w) => ({ responseId: w.response.id, keep: false }), 'VALIDATION'],
  ],
  importInstrument: [
    ['text that is not JSON', () => ({ definitionJson: 'id;versie\nx;1' }), 'VALIDATION'],
    ['a definition with errors', () => ({ definitionJson: JSON.stringify({ id: 'x', version: 0, items: [] }) }), 'VALIDATION'],
    ['a file over 1 MB', () => ({ definitionJson: long(1_000_001) }), 'VALIDATION'],
    ['a version that already exists', (w) => ({ definitionJson: JSON.stringify(w.services.db.prepare('SELECT definition FROM instruments').pluck().get() === undefined ? {} : JSON.parse(w.services.db.prepare('SELECT definition FROM instruments').pluck().get() as string)) }), 'CONFLICT'],
  ],
  exportInstrument: [['an unknown instrument', () => ({ instrumentId: 'aitcs-ii', version: 1 }), 'NOT_FOUND']],
  saveInstrumentDraft: [
    ['text that is not JSON', () => ({ definitionJson: 'id;versie\nx;1', replaceExisting: false }), 'VALIDATION'],
    ['a definition with errors', () => ({ definitionJson: JSON.stringify({ id: 'x', version: 0, items: [] }), replaceExisting: false }), 'VALIDATION'],
    ['a draft over 1 MB', () => ({ definitionJson: long(1_000_001), replaceExisting: false }), 'VALIDATION'],
    ['no word on replacing', () => ({ definitionJson: '{}' }), 'VALIDATION'],
    ['a built-in instrument', (w) => ({ definitionJson: w.services.db.prepare("SELECT definition FROM instruments WHERE instrument_id = 'netwerkfase'").pluck().get() as string, replaceExisting: true }), 'CONFLICT'],
  ],
  // The services here have no file dialog: picking a file is refused, and a path cannot be passed in.
  chooseInstrumentFile: [
    ['no file dialog here', () => ({}), 'CONFLICT'],
    ['a file path smuggled in', () => ({ filePath: '/etc/passwd' }), 'VALIDATION'],
  ],
  importInstrumentFile: [
    ['nothing read before', () => ({ previewId: missingId }), 'NOT_FOUND'],
    ['not a uuid', () => ({ previewId: '../instrument.json' }), 'VALIDATION'],
    ['a definition smuggled in', () => ({ previewId: missingId, definitionJson: '{}' }), 'VALIDATION'],
  ],
  exportInstrumentFile: [
    ['an unknown instrument', () => ({ instrumentId: 'aitcs-ii', version: 1, format: 'xlsx' }), 'NOT_FOUND'],
    ['an unknown format', () => ({ instrumentId: 'kansrijke-samenwerking', version: 1, format: 'sav' }), 'VALIDATION'],
    ['a file path smuggled in', () => ({ instrumentId: 'kansrijke-samenwerking', version: 1, format: 'redcap', filePath: '/etc/passwd' }), 'VALIDATION'],
  ],
  getWaveOverview: [['an unknown wave', () => ({ waveId: missingId }), 'NOT_FOUND']],
  getMeetingState: [['an unexpected field', () => ({ waveId: missingId }), 'VALIDATION']],
  startMeeting: [
    ['an unknown wave', () => ({ waveId: missingId, address: '127.0.0.1' }), 'NOT_FOUND'],
    ['a host name instead of an address', () => ({ waveId: missingId, address: 'laptop.local' }), 'VALIDATION'],
    ['an address that is no connection of this laptop', (w) => ({ waveId: w.wave.id, address: '192.0.2.44' }), 'VALIDATION'],
  ],
  endMeeting: [['an unexpected field', () => ({ now: true }), 'VALIDATION']],
  // --- results ---
  getDashboard: [
    ['an unknown breakdown', (w) => ({ networkId: w.network.id, waveIds: [], instrumentId: 'kansrijke-samenwerking', breakdown: 'age' }), 'VALIDATION'],
    ['an unknown network', () => ({ networkId: missingId, waveIds: [], instrumentId: 'kansrijke-samenwerking', breakdown: 'none' }), 'NOT_FOUND'],
    ['a wave that is not the network\'s', (w) => ({ networkId: w.network.id, waveIds: [w.wave.id, missingId], instrumentId: 'kansrijke-samenwerking', breakdown: 'none' }), 'NOT_FOUND'],
    ['an unknown instrument', (w) => ({ networkId: w.network.id, waveIds: [], instrumentId: 'aitcs-ii', breakdown: 'none' }), 'NOT_FOUND'],
    ['a wave id that is not a uuid', (w) => ({ networkId: w.network.id, waveIds: ['T0'], instrumentId: 'kansrijke-samenwerking', breakdown: 'none' }), 'VALIDATION'],
    ['21 waves', (w) => ({ networkId: w.network.id, waveIds: Array.from({ length: 21 }, () => w.wave.id), instrumentId: 'kansrijke-samenwerking', breakdown: 'none' }), 'VALIDATION'],
  ],
  listLinkProposals: [
    ['an unknown network', () => ({ networkId: missingId }), 'NOT_FOUND'],
    ['not a uuid', () => ({ networkId: 'Dementienetwerk Noord' }), 'VALIDATION'],
  ],
  listOpenAnswers: [
    ['an unknown wave', () => ({ waveId: missingId, withCodes: false }), 'NOT_FOUND'],
    ['a wave label instead of an id', () => ({ waveId: 'T0', withCodes: false }), 'VALIDATION'],
    ['no choice about codes', (w) => ({ waveId: w.wave.id }), 'VALIDATION'],
    ['"ja" instead of true or false', (w) => ({ waveId: w.wave.id, withCodes: 'ja' }), 'VALIDATION'],
    ['an unknown field', (w) => ({ waveId: w.wave.id, withCodes: false, organisation: true }), 'VALIDATION'],
  ],
  decideLinkProposal: [
    ['an unknown network', (w) => ({ networkId: missingId, baselineResponseId: w.response.id, followUpResponseId: w.response.id, decision: 'accepted' }), 'NOT_FOUND'],
    ['a response that does not exist', (w) => ({ networkId: w.network.id, baselineResponseId: w.response.id, followUpResponseId: missingId, decision: 'accepted' }), 'NOT_FOUND'],
    ['a response that is not submitted', (w) => ({ networkId: w.network.id, baselineResponseId: w.response.id, followUpResponseId: w.response.id, decision: 'rejected' }), 'VALIDATION'],
    ['an unknown decision', (w) => ({ networkId: w.network.id, baselineResponseId: w.response.id, followUpResponseId: w.response.id, decision: 'maybe' }), 'VALIDATION'],
    ['no decision', (w) => ({ networkId: w.network.id, baselineResponseId: w.response.id, followUpResponseId: w.response.id }), 'VALIDATION'],
    ['a code instead of a response id', (w) => ({ networkId: w.network.id, baselineResponseId: 'MA123', followUpResponseId: w.response.id, decision: 'accepted' }), 'VALIDATION'],
  ],
  compareNetworks: [
    ['no networks', () => ({ networkIds: [], instrumentId: 'kansrijke-samenwerking' }), 'VALIDATION'],
    ['an unknown network', (w) => ({ networkIds: [w.network.id, missingId], instrumentId: 'kansrijke-samenwerking' }), 'NOT_FOUND'],
    ['an unknown instrument', (w) => ({ networkIds: [w.network.id], instrumentId: 'aitcs-ii' }), 'NOT_FOUND'],
    ['51 networks', (w) => ({ networkIds: Array.from({ length: 51 }, () => w.network.id), instrumentId: 'kansrijke-samenwerking' }), 'VALIDATION'],
  ],
  // --- exports ---
  exportStudy: [
    ['no networks', () => ({ networkIds: [], waveIds: [], instrumentIds: [], format: 'xlsx', values: 'codes', includeOpenAnswers: false, separator: ';', language: 'nl' }), 'VALIDATION'],
    ['an unknown network', () => ({ networkIds: [missingId], waveIds: [], instrumentIds: [], format: 'xlsx', values: 'codes', includeOpenAnswers: false, separator: ';', language: 'nl' }), 'NOT_FOUND'],
    ['an unknown wave', (w) => ({ networkIds: [w.network.id], waveIds: [missingId], instrumentIds: [], format: 'xlsx', values: 'codes', includeOpenAnswers: false, separator: ';', language: 'nl' }), 'NOT_FOUND'],
    ['an instrument not in the waves', (w) => ({ networkIds: [w.network.id], waveIds: [], instrumentIds: ['achtergrond'], format: 'xlsx', values: 'codes', includeOpenAnswers: false, separator: ';', language: 'nl' }), 'VALIDATION'],
    ['an unknown format', (w) => ({ networkIds: [w.network.id], waveIds: [], instrumentIds: [], format: 'sav', values: 'codes', includeOpenAnswers: false, separator: ';', language: 'nl' }), 'VALIDATION'],
    ['a tab as separator', (w) => ({ networkIds: [w.network.id], waveIds: [], instrumentIds: [], format: 'csv', values: 'codes', includeOpenAnswers: false, separator: '\t', language: 'nl' }), 'VALIDATION'],
    ['open answers as a string', (w) => ({ networkIds: [w.network.id], waveIds: [], instrumentIds: [], format: 'csv', values: 'codes', includeOpenAnswers: 'ja', separator: ';', language: 'nl' }), 'VALIDATION'],
    ['a file path smuggled in', (w) => ({ networkIds: [w.network.id], waveIds: [], instrumentIds: [], format: 'csv', values: 'codes', includeOpenAnswers: false, separator: ';', language: 'nl', filePath: '/etc/passwd' }), 'VALIDATION'],
  ],
  getExportProgress: [['an unexpected field', () => ({ jobId: 1 }), 'VALIDATION']],
  saveChartImage: [
    ['an unknown format', () => ({ name: 'grafiek', format: 'gif', data: 'R0lGODlh' }), 'VALIDATION'],
    ['an SVG with a script', () => ({ name: 'grafiek', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }), 'VALIDATION'],
    ['an SVG with an event handler', () => ({ name: 'grafiek', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>' }), 'VALIDATION'],
    ['HTML posing as SVG', () => ({ name: 'grafiek', format: 'svg', data: '<html><body>x</body></html>' }), 'VALIDATION'],
    ['a PNG that is not a PNG', () => ({ name: 'grafiek', format: 'png', data: Buffer.from('GIF89a not a png at all').toString('base64') }), 'VALIDATION'],
    ['an empty name', () => ({ name: '  ', format: 'svg', data: '<svg></svg>' }), 'VALIDATION'],
    ['a path as name', () => ({ name: '../../etc/x', format: 'svg', data: '<svg></svg>', filePath: '/tmp/x.svg' }), 'VALIDATION'],
  ],
  saveResultsPdf: [
    ['an unknown network', () => ({ networkId: missingId }), 'NOT_FOUND'],
    ['not a uuid', () => ({ networkId: 'alle' }), 'VALIDATION'],
  ],
  beginReport: [
    ['an unknown format', () => ({ networkId: missingId, format: 'pdf', target: 'file', suggestedName: 'Rapport', withOpenAnswers: false }), 'VALIDATION'],
    ['an unknown target', () => ({ networkId: missingId, format: 'docx', target: 'mail', suggestedName: 'Rapport', withOpenAnswers: false }), 'VALIDATION'],
    ['an empty name', () => ({ networkId: missingId, format: 'docx', target: 'file', suggestedName: ' ', withOpenAnswers: false }), 'VALIDATION'],
    ['a name of 121 characters', () => ({ networkId: missingId, format: 'docx', target: 'file', suggestedName: long(121), withOpenAnswers: false }), 'VALIDATION'],
    ['no open-answers choice', () => ({ networkId: missingId, format: 'docx', target: 'file', suggestedName: 'Rapport' }), 'VALIDATION'],
  ],
  addReportImages: [
    ['no images', () => ({ reportId: missingId, images: [] }), 'VALIDATION'],
    ['an image id with a path', () => ({ reportId: missingId, images: [{ imageId: '../x', png: 'iVBORw0KGgo=' }] }), 'VALIDATION'],
    ['not a uuid', () => ({ reportId: 'r1', images: [{ imageId: 'a', png: 'iVBORw0KGgo=' }] }), 'VALIDATION'],
  ],
  writeReport: [
    ['an unknown format', () => ({ reportId: missingId, content: { format: 'odt', document: {} } }), 'VALIDATION'],
    ['a document with an unknown block', () => ({ reportId: missingId, content: { format: 'docx', document: { language: 'nl', title: 'R', subtitle: '', titleLines: [], footer: '', blocks: [{ type: 'field', code: 'MERGEFIELD x' }] } } }), 'VALIDATION'],
    ['a control character in a text', () => ({ reportId: missingId, content: { format: 'docx', document: { language: 'nl', title: 'R\u0007', subtitle: '', titleLines: [], footer: '', blocks: [] } } }), 'VALIDATION'],
  ],
  endReport: [['not a uuid', () => ({ reportId: 'r1' }), 'VALIDATION']],
  savePaperFormPdf: [
    ['an unknown wave', () => ({ waveId: missingId }), 'NOT_FOUND'],
    ['not a uuid', () => ({ waveId: 'T0' }), 'VALIDATION'],
  ],
  // --- backups, study files, audit log, erasure ---
  getDataSettings: [['an unexpected field', () => ({ x: 1 }), 'VALIDATION']],
  updateDataSettings: [
    ['keeping 2 backups', () => ({ researcherName: null, backupKeep: 2 }), 'VALIDATION'],
    ['keeping 201 backups', () => ({ researcherName: null, backupKeep: 201 }), 'VALIDATION'],
    ['a name of 81 characters', () => ({ researcherName: long(81), backupKeep: 20 }), 'VALIDATION'],
    ['a missing number', () => ({ researcherName: 'Anna' }), 'VALIDATION'],
  ],
  listBackups: [['a string instead of an object', () => 'all', 'VALIDATION']],
  createBackup: [['a target path smuggled in', () => ({ path: '/tmp/x.sqlite' }), 'VALIDATION']],
  restoreBackup: [
    ['an unknown backup', () => ({ backupName: 'netwerkspiegel-2020-01-01T00-00-00-000Z-start.sqlite' }), 'NOT_FOUND'],
    ['a path outside the backups folder', () => ({ backupName: '../../etc/passwd.sqlite' }), 'VALIDATION'],
    ['an absolute path', () => ({ backupName: '/etc/netwerkspiegel.sqlite' }), 'VALIDATION'],
  ],
  deleteBackupsBeforeErasure: [
    ['no erasure yet', () => ({ confirm: true }), 'CONFLICT'],
    ['no confirmation', () => ({ confirm: false }), 'VALIDATION'],
  ],
  exportStudyFile: [
    ['no networks', () => ({ networkIds: [] }), 'VALIDATION'],
    ['an unknown network', () => ({ networkIds: [missingId] }), 'NOT_FOUND'],
    ['a file path smuggled in', (w) => ({ networkIds: [w.network.id], filePath: '/etc/passwd' }), 'VALIDATION'],
  ],
  previewStudyFile: [
    ['text that is not JSON', () => ({ content: 'netwerk;meting\nA;T0' }), 'VALIDATION'],
    ['JSON that is not a study file', () => ({ content: JSON.stringify({ networks: [] }) }), 'VALIDATION'],
    ['a file over 25 MB', () => ({ content: long(25_000_001) }), 'VALIDATION'],
    ['a __proto__ key', () => ({ content: '{"format":"netwerkspiegel-studiebestand","formatVersion":1,"__proto__":{"admin":true}}' }), 'VALIDATION'],
  ],
  importStudyFile: [
    ['a newer format version', () => ({ content: JSON.stringify({ format: 'netwerkspiegel-studiebestand', formatVersion: 99 }), decisions: [] }), 'VALIDATION'],
    ['a wrong checksum', () => ({ content: JSON.stringify({ format: 'netwerkspiegel-studiebestand', formatVersion: 1, manifest: {}, checksum: { algorithm: 'sha256', value: '0'.repeat(64) }, data: {} }), decisions: [] }), 'VALIDATION'],
    ['an unknown choice', () => ({ content: '{}', decisions: [{ incomingResponseId: missingId, choice: 'newest' }] }), 'VALIDATION'],
    ['no decisions list', () => ({ content: '{}' }), 'VALIDATION'],
    ['a confirmation of erasures as text', () => ({ content: '{}', decisions: [], confirmErasures: 'ja' }), 'VALIDATION'],
  ],
  getStudyFileProgress: [['an unexpected field', () => ({ jobId: 1 }), 'VALIDATION']],
  listAuditLog: [
    ['a page of 0 lines', () => ({ offset: 0, limit: 0 }), 'VALIDATION'],
    ['a page of 501 lines', () => ({ offset: 0, limit: 501 }), 'VALIDATION'],
    ['a negative offset', () => ({ offset: -1, limit: 10 }), 'VALIDATION'],
    ['an unknown filter', () => ({ offset: 0, limit: 10, actor: 'Anna' }), 'VALIDATION'],
    ['a kind with SQL in it', () => ({ offset: 0, limit: 10, kind: "x' OR 1=1" }), 'VALIDATION'],
    ['a date that is not a date', () => ({ offset: 0, limit: 10, from: 'gisteren' }), 'VALIDATION'],
    ['a day that does not exist', () => ({ offset: 0, limit: 10, to: '2026-02-30' }), 'VALIDATION'],
    ['a period that ends before it begins', () => ({ offset: 0, limit: 10, from: '2026-03-02', to: '2026-03-01' }), 'VALIDATION'],
    ['an unknown network', () => ({ offset: 0, limit: 10, networkId: missingId }), 'NOT_FOUND'],
  ],
  exportAuditLog: [['a file path smuggled in', () => ({ filePath: '/etc/passwd' }), 'VALIDATION']],
  previewErasure: [
    ['an unknown code', (w) => ({ networkId: w.network.id, respondentCode: 'ZZZ999' }), 'NOT_FOUND'],
    ['a name instead of a code', (w) => ({ networkId: w.network.id, respondentCode: 'Jan de Vries' }), 'VALIDATION'],
  ],
  eraseRespondent: [
    ['a confirmation that differs', (w) => ({ networkId: w.network.id, respondentCode: 'ABC123', confirmCode: 'ABC124' }), 'VALIDATION'],
    ['an unknown network', () => ({ networkId: missingId, respondentCode: 'ABC123', confirmCode: 'ABC123' }), 'NOT_FOUND'],
    ['no confirmation', (w) => ({ networkId: w.network.id, respondentCode: 'ABC123' }), 'VALIDATION'],
  ],
};

describe('every API method refuses bad input with a Dutch message and writes nothing', () => {
  it('has bad-input cases for every method in the contract', () => {
    for (const name of METHOD_NAMES) expect(badInputs[name]?.length ?? 0, name).toBeGreaterThan(0);
  });

  const cases = Object.entries(badInputs).flatMap(([method, list]) => list.map(([what, input, code]) => [method, what, input, code] as const));
  it.each(cases)('%s: %s', async (method, _what, input, code) => {
    const w = await world();
    const before = snapshot(w.db);
    const result = await w.dispatch(method, input(w));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    // A sentence for people, in Dutch, with no stack trace.
    expect(result.error.message).toMatch(/[a-z]{3,}.*[.]$/i);
    expect(result.error.message).not.toMatch(/at .*\.ts:\d+|ZodError|undefined|\[object/);
    expect(result.error.message).toMatch(/\b(de|het|een|niet|niets|deze|of|Kies|Controleer|bestaat|Gebruik|geen|ongeldige)\b/i);
    expect(snapshot(w.db)).toEqual(before);
  });

  it('refuses an unknown method name', async () => {
    const w = await world();
    const result = await w.dispatch('dropAllTables', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a second submit and keeps the first completion time', async () => {
    const w = await world();
    // An answer first, so the save path has seen this response while it was open.
    await w.ok('saveAnswer', { responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: 4, text: null });
    const first = await w.ok('completeResponse', { responseId: w.response.id });
    const before = snapshot(w.db);
    const again = await w.call('completeResponse', { responseId: w.response.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(w.db)).toEqual(before);
    expect((await w.ok('getResponse', { responseId: w.response.id })).completedAt).toBe(first.completedAt);
    // And a submitted response takes no more answers.
    const late = await w.call('saveAnswer', { responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: 2, text: null });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const cleared = await w.call('saveAnswer', { responseId: w.response.id, instrumentId: 'kansrijke-samenwerking', itemId: 'ks_amb_01', value: null, text: null });
    expect(cleared).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(w.db)).toEqual(before);
  });
});

describe('validation messages', () => {
  it('name missing fields, wrong types and unknown fields in plain Dutch', async () => {
    const w = await world();
    const missing = await w.dispatch('saveAnswer', { responseId: w.response.id });
    expect(missing).toMatchObject({ ok: false });
    if (!missing.ok) expect(missing.error.message).toContain('vragenlijst-id ontbreekt');
    const wrongType = await w.dispatch('createNetwork', { name: 42 });
    if (!wrongType.ok) expect(wrongType.error.message).toContain('naam moet tekst zijn');
    const month = await w.dispatch('startResponse', { waveId: w.wave.id, respondentCode: 'XYZ789', organisationId: null, mode: 'form', birthMonth: 13 });
    if (!month.ok) expect(month.error.message).toContain('geboortemaand: Kies een geboortemaand uit de lijst (1 tot en met 12)');
    expect(month.ok).toBe(false);
    const unknown = await w.dispatch('createNetwork', { name: 'A', admin: true });
    if (!unknown.ok) expect(unknown.error.message).toContain('onbekend veld admin');
    expect([missing.ok, wrongType.ok, unknown.ok]).toEqual([false, false, false]);
  });
});
