import type { BridgeApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the test harness shim (browser); read it only in api.ts. */
    readonly api: BridgeApi;
  }
}

export {};
