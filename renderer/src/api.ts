import type { Api, BridgeApi, Input, MethodName, OpenedStudyFile, Output } from '../../shared/contract';
import { ApiError, unwrap, type Envelope } from '../../shared/errors';
import i18n from './i18n';

/**
 * The renderer's only door to the main process. Each method forwards to `window.api` and unwraps
 * the envelope, so callers get the value or a thrown ApiError whose message is a Dutch sentence
 * meant for the person at the screen.
 */
function call<K extends MethodName>(name: K): Api[K] {
  const forward = async (input: Input<K>): Promise<Output<K>> => {
    const bridge: BridgeApi | undefined = (window as Partial<Window>).api;
    if (!bridge) {
      throw new ApiError('INTERNAL', i18n.t('errors.noBridge'));
    }
    // TypeScript cannot correlate BridgeApi[K] with Input<K> for a generic K; the mapped type
    // BridgeApi guarantees this shape for every method.
    const method = bridge[name] as unknown as (input: Input<K>) => Promise<Envelope<Output<K>>>;
    return unwrap(await method(input));
  };
  return forward as Api[K];
}

// Listed by hand on purpose: a method added to the contract is a type error here until the
// renderer knows about it.
export const api: Api = {
  getAppInfo: call('getAppInfo'),
  listNetworks: call('listNetworks'),
  createNetwork: call('createNetwork'),
  getNetwork: call('getNetwork'),
  addOrganisation: call('addOrganisation'),
  createWave: call('createWave'),
  listInstruments: call('listInstruments'),
  getInstrument: call('getInstrument'),
  startResponse: call('startResponse'),
  getResponse: call('getResponse'),
  saveAnswer: call('saveAnswer'),
  saveRelationAnswer: call('saveRelationAnswer'),
  completeResponse: call('completeResponse'),
  getWaveOverview: call('getWaveOverview'),
  updateNetworkSettings: call('updateNetworkSettings'),
  updateNetwork: call('updateNetwork'),
  updateOrganisation: call('updateOrganisation'),
  archiveOrganisation: call('archiveOrganisation'),
  removeOrganisation: call('removeOrganisation'),
  updateWave: call('updateWave'),
  setWaveStatus: call('setWaveStatus'),
  createOccasion: call('createOccasion'),
  listOccasions: call('listOccasions'),
  updateOccasion: call('updateOccasion'),
  getOccasionComparisons: call('getOccasionComparisons'),
  generateCodes: call('generateCodes'),
  listCodes: call('listCodes'),
  listResponses: call('listResponses'),
  resumeResponse: call('resumeResponse'),
  setResponseOrganisation: call('setResponseOrganisation'),
  discardResponse: call('discardResponse'),
  correctResponse: call('correctResponse'),
  getKioskState: call('getKioskState'),
  setResearcherPin: call('setResearcherPin'),
  startKiosk: call('startKiosk'),
  exitKiosk: call('exitKiosk'),
  kioskBegin: call('kioskBegin'),
  kioskReset: call('kioskReset'),
  stopKioskResponse: call('stopKioskResponse'),
  getMeetingState: call('getMeetingState'),
  startMeeting: call('startMeeting'),
  endMeeting: call('endMeeting'),
  importInstrument: call('importInstrument'),
  exportInstrument: call('exportInstrument'),
  saveInstrumentDraft: call('saveInstrumentDraft'),
  chooseInstrumentFile: call('chooseInstrumentFile'),
  importInstrumentFile: call('importInstrumentFile'),
  exportInstrumentFile: call('exportInstrumentFile'),
  // --- results ---
  getDashboard: call('getDashboard'),
  compareNetworks: call('compareNetworks'),
  getPartnerNetwork: call('getPartnerNetwork'),
  exportPartnerNetwork: call('exportPartnerNetwork'),
  listLinkProposals: call('listLinkProposals'),
  decideLinkProposal: call('decideLinkProposal'),
  listOpenAnswers: call('listOpenAnswers'),
  // --- exports ---
  exportStudy: call('exportStudy'),
  getExportProgress: call('getExportProgress'),
  saveChartImage: call('saveChartImage'),
  saveResultsPdf: call('saveResultsPdf'),
  savePaperFormPdf: call('savePaperFormPdf'),
  beginReport: call('beginReport'),
  addReportImages: call('addReportImages'),
  writeReport: call('writeReport'),
  endReport: call('endReport'),
  // --- backups, study files, audit log, erasure ---
  getDataSettings: call('getDataSettings'),
  updateDataSettings: call('updateDataSettings'),
  listBackups: call('listBackups'),
  createBackup: call('createBackup'),
  restoreBackup: call('restoreBackup'),
  deleteBackupsBeforeErasure: call('deleteBackupsBeforeErasure'),
  exportStudyFile: call('exportStudyFile'),
  previewStudyFile: call('previewStudyFile'),
  importStudyFile: call('importStudyFile'),
  getStudyFileProgress: call('getStudyFileProgress'),
  listAuditLog: call('listAuditLog'),
  exportAuditLog: call('exportAuditLog'),
  previewErasure: call('previewErasure'),
  eraseRespondent: call('eraseRespondent'),
};

/**
 * Calls `listener` with each study file opened from outside the app (double-click, "Open with");
 * returns the unsubscribe. The main process holds a file back until someone listens.
 */
export function onStudyFileOpened(listener: (file: OpenedStudyFile) => void): () => void {
  const bridge: BridgeApi | undefined = (window as Partial<Window>).api;
  return bridge ? bridge.onStudyFileOpened(listener) : () => undefined;
}
