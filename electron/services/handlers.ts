import type { Handlers, MethodName } from '../../shared/contract';
import { listInstruments } from '../db/repositories/instruments';
import { listNetworks } from '../db/repositories/networks';
import { generateCodes, listCodes } from './administration/codes';
import { importInstrument, loadInstrument } from './administration/instruments';
import { saveInstrumentDraft } from './administration/instrument-drafts';
import { chooseInstrumentFile, exportInstrumentFile, importInstrumentFile } from './administration/instrument-files';
import { exitKiosk, getKioskState, isKioskOn, kioskBegin, kioskRefusal, kioskReset, setResearcherPin, startKiosk, stopKioskResponse } from './administration/kiosk';
import { addOrganisation, createNetwork, createWave, getNetworkDetail, updateNetworkSettings } from './administration/networks';
import { correctResponse } from './administration/corrections';
import { createOccasion, listOccasions, updateOccasion } from './administration/occasions';
import { getOccasionComparisons } from './results/occasions';
import { saveRelationAnswer } from './administration/relation-answers';
import { listResponseSummaries } from './administration/response-summaries';
import { completeResponse, discardResponse, getResponse, resumeResponse, saveAnswer, setResponseOrganisation, startResponse } from './administration/responses';
import type { ServiceContext } from './context';
import { archiveOrganisation, removeOrganisation, setWaveStatus, updateNetwork, updateOrganisation, updateWave } from './administration/network-edits';
import { exportAuditLog, listAuditLog } from './data/audit';
import { createManualBackup, deleteBackupsBeforeErasure, getDataSettings, listBackups, updateDataSettings } from './data/backups';
import { restoreBackup } from './data/restore';
import { eraseRespondent, previewErasure } from './data/erasure';
import { exportStudyFile } from './data/study-files';
import { getStudyFileProgress, importStudyFile, previewStudyFile, stopStudyFileWork, studyFileWriteInProgress } from './data/study-file-jobs';
import { saveChartImage, savePaperFormPdf, saveResultsPdf } from './export/charts';
import { addReportImages, beginReport, endReport, writeReport } from './export/reports';
import { exportStudy, getExportProgress } from './export/study-export';
import { compareNetworks, getDashboard } from './results/dashboard';
import { decideLinkProposal, listLinkProposals } from './results/link-proposals';
import { listOpenAnswers } from './results/open-answers';
import { exportPartnerNetwork, getPartnerNetwork } from './results/partner-network';
import { getWaveOverview } from './results/overview';
import { endMeeting, getMeetingState, startMeeting } from './meeting/meeting';

/**
 * The one implementation of the API, used by the Electron main process and the test harness.
 * Inputs arrive already validated against the contract (see dispatch.ts). While kiosk mode is on,
 * every call first passes the kiosk guard. While a study-file import holds the write lock (in its
 * worker), calls wait for it without blocking the main process, instead of waiting inside SQLite.
 */
export function createHandlers(ctx: ServiceContext): Handlers {
  const handlers: Handlers = {
    // In kiosk mode the person at the screen need not learn where the data lies on this laptop.
    getAppInfo: () => ({ version: ctx.appVersion, databasePath: isKioskOn(ctx) ? null : ctx.databasePath, deviceId: ctx.deviceId, schemaVersion: ctx.schemaVersion }),
    listNetworks: () => listNetworks(ctx.db),
    createNetwork: (input) => createNetwork(ctx, input),
    getNetwork: (input) => getNetworkDetail(ctx, input.networkId),
    addOrganisation: (input) => addOrganisation(ctx, input),
    createWave: (input) => createWave(ctx, input),
    updateNetworkSettings: (input) => updateNetworkSettings(ctx, input),
    updateNetwork: (input) => updateNetwork(ctx, input),
    updateOrganisation: (input) => updateOrganisation(ctx, input),
    archiveOrganisation: (input) => archiveOrganisation(ctx, input),
    removeOrganisation: (input) => removeOrganisation(ctx, input),
    updateWave: (input) => updateWave(ctx, input),
    setWaveStatus: (input) => setWaveStatus(ctx, input),
    createOccasion: (input) => createOccasion(ctx, input),
    listOccasions: (input) => listOccasions(ctx, input.waveId),
    updateOccasion: (input) => updateOccasion(ctx, input),
    generateCodes: (input) => generateCodes(ctx, input),
    listCodes: (input) => listCodes(ctx, input.networkId),
    listInstruments: () => listInstruments(ctx.db),
    getInstrument: (input) => loadInstrument(ctx, input.instrumentId, input.version),
    importInstrument: (input) => importInstrument(ctx, input.definitionJson),
    exportInstrument: (input) => exportInstrumentFile(ctx, input.instrumentId, input.version, 'json'),
    saveInstrumentDraft: (input) => saveInstrumentDraft(ctx, input.definitionJson, input.replaceExisting),
    chooseInstrumentFile: () => chooseInstrumentFile(ctx),
    importInstrumentFile: (input) => importInstrumentFile(ctx, input.previewId),
    exportInstrumentFile: (input) => exportInstrumentFile(ctx, input.instrumentId, input.version, input.format),
    startResponse: (input) => startResponse(ctx, input),
    listResponses: (input) => listResponseSummaries(ctx, input.waveId),
    resumeResponse: (input) => resumeResponse(ctx, input.responseId),
    getResponse: (input) => getResponse(ctx, input.responseId),
    discardResponse: (input) => discardResponse(ctx, input.responseId),
    correctResponse: (input) => correctResponse(ctx, input),
    setResponseOrganisation: (input) => setResponseOrganisation(ctx, input),
    saveAnswer: (input) => saveAnswer(ctx, input),
    saveRelationAnswer: (input) => saveRelationAnswer(ctx, input),
    completeResponse: (input) => completeResponse(ctx, input.responseId),
    getKioskState: () => getKioskState(ctx),
    setResearcherPin: (input) => setResearcherPin(ctx, input),
    startKiosk: (input) => startKiosk(ctx, input),
    exitKiosk: (input) => exitKiosk(ctx, input),
    kioskBegin: (input) => kioskBegin(ctx, input),
    kioskReset: () => kioskReset(ctx),
    stopKioskResponse: (input) => stopKioskResponse(ctx, input),
    getWaveOverview: (input) => getWaveOverview(ctx, input.waveId),

    // meeting mode: phones on the laptop's own network
    getMeetingState: () => getMeetingState(ctx),
    startMeeting: (input) => startMeeting(ctx, input),
    endMeeting: () => endMeeting(ctx),

    // results
    getDashboard: (input) => getDashboard(ctx, input),
    compareNetworks: (input) => compareNetworks(ctx, input),
    getPartnerNetwork: (input) => getPartnerNetwork(ctx, input),
    exportPartnerNetwork: (input) => exportPartnerNetwork(ctx, input),
    listLinkProposals: (input) => listLinkProposals(ctx, input),
    decideLinkProposal: (input) => decideLinkProposal(ctx, input),
    listOpenAnswers: (input) => listOpenAnswers(ctx, input),
    getOccasionComparisons: (input) => getOccasionComparisons(ctx, input.waveId),

    // exports for reports and analyses
    exportStudy: (input) => exportStudy(ctx, input),
    getExportProgress: () => getExportProgress(ctx),
    saveChartImage: (input) => saveChartImage(ctx, input),
    saveResultsPdf: (input) => saveResultsPdf(ctx, input),
    savePaperFormPdf: (input) => savePaperFormPdf(ctx, input),
    beginReport: (input) => beginReport(ctx, input),
    addReportImages: (input) => addReportImages(ctx, input),
    writeReport: (input) => writeReport(ctx, input),
    endReport: (input) => endReport(ctx, input),

    // backups, study files, audit log, erasure
    getDataSettings: () => getDataSettings(ctx),
    updateDataSettings: (input) => updateDataSettings(ctx, input),
    listBackups: () => listBackups(ctx),
    createBackup: () => createManualBackup(ctx),
    // A study file being read or imported holds a connection to the file the restore replaces: it stops first.
    // A running meeting ends first: the restored file decides what exists, and phones must not write into the swap.
    restoreBackup: async (input) => {
      await stopStudyFileWork(ctx);
      await endMeeting(ctx);
      return restoreBackup(ctx, input.backupName);
    },
    deleteBackupsBeforeErasure: () => deleteBackupsBeforeErasure(ctx),
    exportStudyFile: (input) => exportStudyFile(ctx, input),
    previewStudyFile: (input) => previewStudyFile(ctx, input),
    importStudyFile: (input) => importStudyFile(ctx, input),
    getStudyFileProgress: () => getStudyFileProgress(ctx),
    listAuditLog: (input) => listAuditLog(ctx, input),
    exportAuditLog: () => exportAuditLog(ctx),
    previewErasure: (input) => previewErasure(ctx, input),
    eraseRespondent: (input) => eraseRespondent(ctx, input),
  };
  const guarded = {} as Record<MethodName, (input: unknown) => unknown>;
  for (const name of Object.keys(handlers) as MethodName[]) {
    const handler = handlers[name] as (input: unknown) => unknown;
    const run = (input: unknown) => {
      const refusal = kioskRefusal(ctx, name, input);
      if (refusal) throw refusal;
      return handler(input);
    };
    guarded[name] = (input) => {
      const written = name === 'getStudyFileProgress' ? null : studyFileWriteInProgress(ctx);
      return written ? written.then(() => run(input)) : run(input);
    };
  }
  return guarded as Handlers;
}
