import type { Handlers, MethodName } from '../../shared/contract';
import { listInstruments } from '../db/repositories/instruments';
import { listNetworks } from '../db/repositories/networks';
import { listResponseSummaries } from '../db/repositories/responses';
import { generateCodes, listCodes } from './codes';
import type { ServiceContext } from './context';
import { exportWaveAnswers } from './export';
import * as studyExport from './export-api';
import { exportInstrument, importInstrument, loadInstrument } from './instruments';
import { exitKiosk, getKioskState, kioskBegin, kioskRefusal, kioskReset, setResearcherPin, startKiosk } from './kiosk';
import { addOrganisation, createNetwork, createWave, getNetworkDetail, requireWave, updateNetworkSettings } from './networks';
import { getWaveOverview } from './overview';
import * as issue6 from './issue6';
import { compareNetworks, getDashboard } from './results';
import { completeResponse, discardResponse, getResponse, resumeResponse, saveAnswer, setResponseOrganisation, startResponse } from './responses';

/**
 * The one implementation of the API, used by the Electron main process and the test harness.
 * Inputs arrive already validated against the contract (see dispatch.ts). While kiosk mode is on,
 * every call first passes the kiosk guard.
 */
export function createHandlers(ctx: ServiceContext): Handlers {
  const handlers: Handlers = {
    getAppInfo: () => ({ version: ctx.appVersion, databasePath: ctx.databasePath, deviceId: ctx.deviceId, schemaVersion: ctx.schemaVersion }),
    listNetworks: () => listNetworks(ctx.db),
    createNetwork: (input) => createNetwork(ctx, input),
    getNetwork: (input) => getNetworkDetail(ctx, input.networkId),
    addOrganisation: (input) => addOrganisation(ctx, input),
    createWave: (input) => createWave(ctx, input),
    updateNetworkSettings: (input) => updateNetworkSettings(ctx, input),
    generateCodes: (input) => generateCodes(ctx, input),
    listCodes: (input) => listCodes(ctx, input.networkId),
    listInstruments: () => listInstruments(ctx.db),
    getInstrument: (input) => loadInstrument(ctx, input.instrumentId, input.version),
    importInstrument: (input) => importInstrument(ctx, input.definitionJson),
    exportInstrument: (input) => exportInstrument(ctx, input.instrumentId, input.version),
    startResponse: (input) => startResponse(ctx, input),
    listResponses: (input) => {
      requireWave(ctx, input.waveId);
      return listResponseSummaries(ctx.db, input.waveId);
    },
    resumeResponse: (input) => resumeResponse(ctx, input.responseId),
    getResponse: (input) => getResponse(ctx, input.responseId),
    discardResponse: (input) => discardResponse(ctx, input.responseId),
    setResponseOrganisation: (input) => setResponseOrganisation(ctx, input),
    saveAnswer: (input) => saveAnswer(ctx, input),
    completeResponse: (input) => completeResponse(ctx, input.responseId),
    getKioskState: () => getKioskState(ctx),
    setResearcherPin: (input) => setResearcherPin(ctx, input),
    startKiosk: (input) => startKiosk(ctx, input),
    exitKiosk: (input) => exitKiosk(ctx, input),
    kioskBegin: (input) => kioskBegin(ctx, input),
    kioskReset: () => kioskReset(ctx),
    getWaveOverview: (input) => getWaveOverview(ctx, input.waveId),
    exportWaveAnswers: (input) => exportWaveAnswers(ctx, input.waveId),
    // --- results (issue 4) ---
    getDashboard: (input) => getDashboard(ctx, input),
    compareNetworks: (input) => compareNetworks(ctx, input),
    // --- end results ---
    // --- exports (issue 5) ---
    exportStudy: (input) => studyExport.exportStudy(ctx, input),
    getExportProgress: () => studyExport.getExportProgress(ctx),
    saveChartImage: (input) => studyExport.saveChartImage(ctx, input),
    saveResultsPdf: (input) => studyExport.saveResultsPdf(ctx, input),
    // --- end exports ---
    // --- backups, study files, audit log, erasure (issue 6) ---
    getDataSettings: () => issue6.getDataSettings(ctx),
    updateDataSettings: (input) => issue6.updateDataSettings(ctx, input),
    listBackups: () => issue6.listBackups(ctx),
    createBackup: () => issue6.createManualBackup(ctx),
    restoreBackup: (input) => issue6.restoreBackup(ctx, input.backupName),
    deleteBackupsBeforeErasure: () => issue6.deleteBackupsBeforeErasure(ctx),
    exportStudyFile: (input) => issue6.exportStudyFile(ctx, input),
    previewStudyFile: (input) => issue6.previewStudyFile(ctx, input),
    importStudyFile: (input) => issue6.importStudyFile(ctx, input),
    listAuditLog: (input) => issue6.listAuditLog(ctx, input),
    exportAuditLog: () => issue6.exportAuditLog(ctx),
    previewErasure: (input) => issue6.previewErasure(ctx, input),
    eraseRespondent: (input) => issue6.eraseRespondent(ctx, input),
    // --- end issue 6 ---
  };
  const guarded = {} as Record<MethodName, (input: unknown) => unknown>;
  for (const name of Object.keys(handlers) as MethodName[]) {
    const handler = handlers[name] as (input: unknown) => unknown;
    guarded[name] = (input) => {
      const refusal = kioskRefusal(ctx, name, input);
      if (refusal) throw refusal;
      return handler(input);
    };
  }
  return guarded as Handlers;
}
