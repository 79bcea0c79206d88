import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeApi, OpenedStudyFile } from '../../shared/contract';

/*
 * The preload runs sandboxed: it may import only 'electron' (plus type-only imports, which
 * vanish at build time). It exposes one function per contract method and never the raw
 * ipcRenderer. `satisfies BridgeApi` turns a missing or extra method into a type error.
 * Channel names of the pushed events are PUSH_CHANNELS in shared/contract.ts, written out here.
 */
const api = {
  getAppInfo: (input) => ipcRenderer.invoke('api:getAppInfo', input),
  listNetworks: (input) => ipcRenderer.invoke('api:listNetworks', input),
  createNetwork: (input) => ipcRenderer.invoke('api:createNetwork', input),
  getNetwork: (input) => ipcRenderer.invoke('api:getNetwork', input),
  addOrganisation: (input) => ipcRenderer.invoke('api:addOrganisation', input),
  createWave: (input) => ipcRenderer.invoke('api:createWave', input),
  listInstruments: (input) => ipcRenderer.invoke('api:listInstruments', input),
  getInstrument: (input) => ipcRenderer.invoke('api:getInstrument', input),
  startResponse: (input) => ipcRenderer.invoke('api:startResponse', input),
  getResponse: (input) => ipcRenderer.invoke('api:getResponse', input),
  saveAnswer: (input) => ipcRenderer.invoke('api:saveAnswer', input),
  saveRelationAnswer: (input) => ipcRenderer.invoke('api:saveRelationAnswer', input),
  completeResponse: (input) => ipcRenderer.invoke('api:completeResponse', input),
  getWaveOverview: (input) => ipcRenderer.invoke('api:getWaveOverview', input),
  getMeetingState: (input) => ipcRenderer.invoke('api:getMeetingState', input),
  startMeeting: (input) => ipcRenderer.invoke('api:startMeeting', input),
  endMeeting: (input) => ipcRenderer.invoke('api:endMeeting', input),
  updateNetworkSettings: (input) => ipcRenderer.invoke('api:updateNetworkSettings', input),
  updateNetwork: (input) => ipcRenderer.invoke('api:updateNetwork', input),
  updateOrganisation: (input) => ipcRenderer.invoke('api:updateOrganisation', input),
  archiveOrganisation: (input) => ipcRenderer.invoke('api:archiveOrganisation', input),
  removeOrganisation: (input) => ipcRenderer.invoke('api:removeOrganisation', input),
  updateWave: (input) => ipcRenderer.invoke('api:updateWave', input),
  setWaveStatus: (input) => ipcRenderer.invoke('api:setWaveStatus', input),
  createOccasion: (input) => ipcRenderer.invoke('api:createOccasion', input),
  listOccasions: (input) => ipcRenderer.invoke('api:listOccasions', input),
  updateOccasion: (input) => ipcRenderer.invoke('api:updateOccasion', input),
  getOccasionComparisons: (input) => ipcRenderer.invoke('api:getOccasionComparisons', input),
  generateCodes: (input) => ipcRenderer.invoke('api:generateCodes', input),
  listCodes: (input) => ipcRenderer.invoke('api:listCodes', input),
  listResponses: (input) => ipcRenderer.invoke('api:listResponses', input),
  resumeResponse: (input) => ipcRenderer.invoke('api:resumeResponse', input),
  setResponseOrganisation: (input) => ipcRenderer.invoke('api:setResponseOrganisation', input),
  discardResponse: (input) => ipcRenderer.invoke('api:discardResponse', input),
  correctResponse: (input) => ipcRenderer.invoke('api:correctResponse', input),
  getKioskState: (input) => ipcRenderer.invoke('api:getKioskState', input),
  setResearcherPin: (input) => ipcRenderer.invoke('api:setResearcherPin', input),
  startKiosk: (input) => ipcRenderer.invoke('api:startKiosk', input),
  exitKiosk: (input) => ipcRenderer.invoke('api:exitKiosk', input),
  kioskBegin: (input) => ipcRenderer.invoke('api:kioskBegin', input),
  kioskReset: (input) => ipcRenderer.invoke('api:kioskReset', input),
  stopKioskResponse: (input) => ipcRenderer.invoke('api:stopKioskResponse', input),
  importInstrument: (input) => ipcRenderer.invoke('api:importInstrument', input),
  exportInstrument: (input) => ipcRenderer.invoke('api:exportInstrument', input),
  saveInstrumentDraft: (input) => ipcRenderer.invoke('api:saveInstrumentDraft', input),
  chooseInstrumentFile: (input) => ipcRenderer.invoke('api:chooseInstrumentFile', input),
  importInstrumentFile: (input) => ipcRenderer.invoke('api:importInstrumentFile', input),
  exportInstrumentFile: (input) => ipcRenderer.invoke('api:exportInstrumentFile', input),
  // --- results ---
  getDashboard: (input) => ipcRenderer.invoke('api:getDashboard', input),
  compareNetworks: (input) => ipcRenderer.invoke('api:compareNetworks', input),
  getPartnerNetwork: (input) => ipcRenderer.invoke('api:getPartnerNetwork', input),
  exportPartnerNetwork: (input) => ipcRenderer.invoke('api:exportPartnerNetwork', input),
  listLinkProposals: (input) => ipcRenderer.invoke('api:listLinkProposals', input),
  listOpenAnswers: (input) => ipcRenderer.invoke('api:listOpenAnswers', input),
  decideLinkProposal: (input) => ipcRenderer.invoke('api:decideLinkProposal', input),
  // --- exports ---
  exportStudy: (input) => ipcRenderer.invoke('api:exportStudy', input),
  getExportProgress: (input) => ipcRenderer.invoke('api:getExportProgress', input),
  saveChartImage: (input) => ipcRenderer.invoke('api:saveChartImage', input),
  saveResultsPdf: (input) => ipcRenderer.invoke('api:saveResultsPdf', input),
  savePaperFormPdf: (input) => ipcRenderer.invoke('api:savePaperFormPdf', input),
  // --- reports ---
  beginReport: (input) => ipcRenderer.invoke('api:beginReport', input),
  addReportImages: (input) => ipcRenderer.invoke('api:addReportImages', input),
  writeReport: (input) => ipcRenderer.invoke('api:writeReport', input),
  endReport: (input) => ipcRenderer.invoke('api:endReport', input),
  // --- backups, study files, audit log, erasure ---
  getDataSettings: (input) => ipcRenderer.invoke('api:getDataSettings', input),
  updateDataSettings: (input) => ipcRenderer.invoke('api:updateDataSettings', input),
  listBackups: (input) => ipcRenderer.invoke('api:listBackups', input),
  createBackup: (input) => ipcRenderer.invoke('api:createBackup', input),
  restoreBackup: (input) => ipcRenderer.invoke('api:restoreBackup', input),
  deleteBackupsBeforeErasure: (input) => ipcRenderer.invoke('api:deleteBackupsBeforeErasure', input),
  exportStudyFile: (input) => ipcRenderer.invoke('api:exportStudyFile', input),
  previewStudyFile: (input) => ipcRenderer.invoke('api:previewStudyFile', input),
  importStudyFile: (input) => ipcRenderer.invoke('api:importStudyFile', input),
  getStudyFileProgress: (input) => ipcRenderer.invoke('api:getStudyFileProgress', input),
  listAuditLog: (input) => ipcRenderer.invoke('api:listAuditLog', input),
  exportAuditLog: (input) => ipcRenderer.invoke('api:exportAuditLog', input),
  previewErasure: (input) => ipcRenderer.invoke('api:previewErasure', input),
  eraseRespondent: (input) => ipcRenderer.invoke('api:eraseRespondent', input),
  // --- events pushed by the main process (the listener never sees the IPC event) ---
  onStudyFileOpened: (listener) => {
    const forward = (_event: IpcRendererEvent, file: OpenedStudyFile) => listener(file);
    ipcRenderer.on('push:studyFileOpened', forward);
    ipcRenderer.send('push:studyFileListening');
    return () => {
      ipcRenderer.removeListener('push:studyFileOpened', forward);
    };
  },
} satisfies BridgeApi;

contextBridge.exposeInMainWorld('api', api);
