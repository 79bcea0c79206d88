import type { Handlers } from '../../shared/contract';
import { listInstruments } from '../db/repositories/instruments';
import { listNetworks } from '../db/repositories/networks';
import type { ServiceContext } from './context';
import { exportWaveAnswers } from './export';
import { loadInstrument } from './instruments';
import { addOrganisation, createNetwork, createWave, getNetworkDetail } from './networks';
import { getWaveOverview } from './overview';
import { completeResponse, getResponse, saveAnswer, startResponse } from './responses';

/**
 * The one implementation of the API, used by the Electron main process and the test harness.
 * Inputs arrive already validated against the contract (see dispatch.ts).
 */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    getAppInfo: () => ({ version: ctx.appVersion, databasePath: ctx.databasePath, deviceId: ctx.deviceId, schemaVersion: ctx.schemaVersion }),
    listNetworks: () => listNetworks(ctx.db),
    createNetwork: (input) => createNetwork(ctx, input),
    getNetwork: (input) => getNetworkDetail(ctx, input.networkId),
    addOrganisation: (input) => addOrganisation(ctx, input),
    createWave: (input) => createWave(ctx, input),
    listInstruments: () => listInstruments(ctx.db),
    getInstrument: (input) => loadInstrument(ctx, input.instrumentId, input.version),
    startResponse: (input) => startResponse(ctx, input),
    getResponse: (input) => getResponse(ctx, input.responseId),
    saveAnswer: (input) => saveAnswer(ctx, input),
    completeResponse: (input) => completeResponse(ctx, input.responseId),
    getWaveOverview: (input) => getWaveOverview(ctx, input.waveId),
    exportWaveAnswers: (input) => exportWaveAnswers(ctx, input.waveId),
  };
}
