import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, PUSH_CHANNELS, type OpenedStudyFile } from '../../shared/contract';
import { fakeEvent, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const PRELOAD_SOURCE = resolve(__dirname, '../../electron/preload/index.ts');
/** The events the main process pushes (BridgeEvents in shared/contract.ts). */
const EVENT_NAMES = ['onStudyFileOpened'];

describe('preload', () => {
  let api: Record<string, unknown>;

  beforeAll(async () => {
    await import('../../electron/preload/index');
    const calls = state.contextBridge.exposeInMainWorld.mock.calls;
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toBe('api');
    api = calls[0]?.[1] as Record<string, unknown>;
  });

  it('exposes exactly one function per contract method and per pushed event, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, ...EVENT_NAMES].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(state.ipcRenderer);
    expect(Object.values(api)).not.toContain(state.ipcRenderer.invoke);
  });

  it('sends each method on its own api:<name> channel with the input unchanged', async () => {
    for (const name of METHOD_NAMES) {
      const input = { probe: name };
      const result = await (api[name] as (input: unknown) => Promise<unknown>)(input);
      expect(state.ipcRenderer.invoke).toHaveBeenLastCalledWith(`api:${name}`, input);
      expect(result).toEqual({ ok: true, value: { channel: `api:${name}`, input } });
    }
    expect(state.ipcRenderer.invoke).toHaveBeenCalledTimes(METHOD_NAMES.length);
  });

  it('passes opened study files to the listener on push:studyFileOpened, after saying it listens, until unsubscribed', () => {
    expect(PUSH_CHANNELS).toEqual({ studyFileOpened: 'push:studyFileOpened', studyFileListening: 'push:studyFileListening' });
    const received: unknown[] = [];
    const unsubscribe = (api['onStudyFileOpened'] as (listener: (file: OpenedStudyFile) => void) => () => void)((file) => received.push(file));
    expect(state.ipcRenderer.send).toHaveBeenCalledTimes(1);
    expect(state.ipcRenderer.send).toHaveBeenCalledWith(PUSH_CHANNELS.studyFileListening);
    expect(state.ipcRenderer.listenerCount(PUSH_CHANNELS.studyFileOpened)).toBe(1);

    const file: OpenedStudyFile = { sequence: 1, fileName: 'twente.nwstudie', content: '{}' };
    state.ipcRenderer.emit(PUSH_CHANNELS.studyFileOpened, fakeEvent({ sender: state.ipcRenderer }), file);
    // The page gets the file only, never the IPC event (which carries the sender).
    expect(received).toEqual([file]);

    unsubscribe();
    expect(state.ipcRenderer.listenerCount(PUSH_CHANNELS.studyFileOpened)).toBe(0);
    state.ipcRenderer.emit(PUSH_CHANNELS.studyFileOpened, fakeEvent(), { ...file, sequence: 2 });
    expect(received).toHaveLength(1);
  });

  it('imports only electron at run time (everything else type-only)', () => {
    const source = readFileSync(PRELOAD_SOURCE, 'utf8');
    const imports = [...source.matchAll(/^\s*import\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gm)];
    expect(imports.length).toBeGreaterThan(0);
    const runtime = imports.filter((m) => m[1] === undefined).map((m) => m[2]);
    expect(runtime).toEqual(['electron']);
    expect(source).not.toMatch(/\brequire\(/);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});
