import type { BrowserWindow, Input } from 'electron';

/**
 * The window side of kiosk mode (afnamemodus). The services decide when kiosk mode is on (the
 * session lives in the database) and call `set(on)`; this module turns that into a locked window:
 * kiosk + full screen, no menu bar, no closing, and none of the shortcuts that would reload the
 * page, open the developer tools, navigate back or forward, or close and quit the app.
 */

/** The key presses a respondent must not use while kiosk mode is on. Pure, for tests. */
export function isBlockedKioskShortcut(input: Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const code = input.code;
  const mod = input.control || input.meta; // Ctrl on Windows/Linux, Cmd on macOS

  // Reload, developer tools, full screen: function keys with or without modifiers.
  if (key === 'F5' || key === 'F12' || key === 'F11' || code === 'F5' || code === 'F12' || code === 'F11') return true;
  // Alt+F4 (Windows closes the window; the close event is refused too, this keeps it quiet).
  if (input.alt && (key === 'F4' || code === 'F4')) return true;
  // Back and forward: Alt+Left/Right, the browser keys, Cmd+[ and Cmd+] on macOS.
  if (input.alt && !mod && (key === 'ArrowLeft' || key === 'ArrowRight')) return true;
  if (key === 'BrowserBack' || key === 'BrowserForward' || key === 'BrowserRefresh' || key === 'BrowserHome') return true;
  if (mod && (key === '[' || key === ']' || code === 'BracketLeft' || code === 'BracketRight')) return true;
  if (!mod) return false;

  const letter = code.startsWith('Key') ? code.slice(3).toLowerCase() : key;
  // Reload (Ctrl+R, Ctrl+Shift+R), close and quit (Ctrl+W, Ctrl+Q, Ctrl+Shift+W), print,
  // minimise and hide (macOS), new window, view source, open, save, find and Ctrl+Cmd+F (full screen on macOS).
  if (['r', 'w', 'q', 'p', 'm', 'h', 'n', 'u', 'o', 's', 'f'].includes(letter)) return true;
  // Developer tools and the element picker: Ctrl+Shift+I/J/C, Cmd+Alt+I/J/C.
  if ((input.shift || input.alt) && ['i', 'j', 'c'].includes(letter)) return true;
  return false;
}

type KioskWindow = Pick<
  BrowserWindow,
  'setKiosk' | 'setFullScreen' | 'setMenuBarVisibility' | 'isDestroyed' | 'on' | 'webContents'
>;

export interface KioskWindowController {
  /** Called by the services (ServiceContext.setKioskWindow) when kiosk mode starts or ends. */
  set: (on: boolean) => void;
  isOn: () => boolean;
  /** Hooks a new window up (close guard, shortcut filter) and applies the current state. */
  attach: (win: KioskWindow) => void;
}

export function createKioskWindowController(
  getWindow: () => KioskWindow | null,
  log: (message: string) => void = console.warn,
): KioskWindowController {
  let on = false;
  let closingAllowed = false;

  function apply(win: KioskWindow | null): void {
    if (!win || win.isDestroyed()) return;
    win.setKiosk(on);
    win.setFullScreen(on);
    // Hidden, not auto-hidden: with auto-hide, pressing Alt would bring the menu back.
    win.setMenuBarVisibility(!on);
    if (on && win.webContents.isDevToolsOpened()) win.webContents.closeDevTools();
  }

  return {
    isOn: () => on,
    set(next) {
      on = next;
      apply(getWindow());
    },
    attach(win) {
      win.on('close', (event) => {
        if (on && !closingAllowed) {
          event.preventDefault();
          log('Het venster blijft open: de afnamemodus staat aan. Verlaat die eerst met de pincode.');
        }
      });
      win.webContents.on('before-input-event', (event, input) => {
        if (on && isBlockedKioskShortcut(input)) event.preventDefault();
      });
      // Windows is logging off or shutting down: a kiosk window must not hold that up (every answer is already saved).
      win.on('session-end', () => {
        closingAllowed = true;
      });
      win.webContents.on('devtools-opened', () => {
        if (on) win.webContents.closeDevTools();
      });
      // A fresh window is unlocked already; only a kiosk session that survived a restart needs applying.
      if (on) apply(win);
    },
  };
}
