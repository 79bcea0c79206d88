import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { METHOD_NAMES, type MethodName } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { UrlMatcher } from './security';

/** Channel prefix: the preload invokes `api:<method>`. */
export const IPC_PREFIX = 'api:';
export const channelFor = (name: MethodName): string => `${IPC_PREFIX}${name}`;

export type Dispatch = (name: unknown, rawInput: unknown) => Promise<Envelope<unknown>>;
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export const FORBIDDEN_ENVELOPE: Envelope<never> = Object.freeze({
  ok: false,
  error: Object.freeze({
    code: 'FORBIDDEN',
    message: 'Deze opdracht komt niet van het venster van Netwerkspiegel en is geweigerd. Er is niets gewijzigd.',
  }),
}) as Envelope<never>;

const INTERNAL_ENVELOPE: Envelope<never> = Object.freeze({
  ok: false,
  error: Object.freeze({
    code: 'INTERNAL',
    message: 'Er ging iets onverwachts mis; er is niets half opgeslagen. Probeer het opnieuw of start de app opnieuw.',
  }),
}) as Envelope<never>;

/** Channels registered per ipcMain, so a second registration fails loudly (as Electron's own handle() does). */
const registered = new WeakMap<object, Set<string>>();

/**
 * Registers one `ipcMain.handle` per contract method. Each handler first checks the sender
 * (untrusted senders get FORBIDDEN and dispatch is never called), then hands the raw input to
 * dispatch, which validates it with zod. Handlers resolve to envelopes and never throw.
 * Returns the registered channel names.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrustedSender: SenderCheck,
  log: (message: string, err?: unknown) => void = console.error,
): string[] {
  const seen = registered.get(ipcMain) ?? new Set<string>();
  const channels = METHOD_NAMES.map(channelFor);
  const duplicate = channels.find((c) => seen.has(c));
  if (duplicate !== undefined) throw new Error(`IPC-kanaal ${duplicate} is al geregistreerd`);
  registered.set(ipcMain, seen);

  for (const name of METHOD_NAMES) {
    const channel = channelFor(name);
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
      try {
        if (!isTrustedSender(event)) {
          log(`IPC-aanroep ${channel} van een onbekende afzender geweigerd (${event.senderFrame?.url ?? 'zonder frame'})`);
          return FORBIDDEN_ENVELOPE;
        }
        return await dispatch(name, input);
      } catch (err) {
        log(`IPC-fout in ${channel}`, err);
        return INTERNAL_ENVELOPE;
      }
    });
    seen.add(channel);
  }
  return channels;
}

/**
 * The sender check: the call must come from the main window's webContents, from its top-level
 * frame, while that frame shows the app's own page.
 */
export function createSenderCheck(getMainContents: () => WebContents | null | undefined, isAppUrl: UrlMatcher): SenderCheck {
  return (event) => {
    const main = getMainContents();
    if (!main || main.isDestroyed()) return false;
    if (event.sender?.id !== main.id) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url);
  };
}
