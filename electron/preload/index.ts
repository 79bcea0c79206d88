import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeApi } from '../../shared/contract';

/*
 * The preload runs sandboxed: it may import only 'electron' (plus type-only imports, which
 * vanish at build time). It exposes one function per contract method and never the raw
 * ipcRenderer. `satisfies BridgeApi` turns a missing or extra method into a type error.
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
  completeResponse: (input) => ipcRenderer.invoke('api:completeResponse', input),
  getWaveOverview: (input) => ipcRenderer.invoke('api:getWaveOverview', input),
  exportWaveAnswers: (input) => ipcRenderer.invoke('api:exportWaveAnswers', input),
} satisfies BridgeApi;

contextBridge.exposeInMainWorld('api', api);
