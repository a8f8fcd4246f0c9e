// The Electron transport: one ipcMain.handle channel per contract command, and bus events to our windows.
// It checks who is calling and forwards to the dispatcher; it must not validate input or know any service.
import { errorText } from '../../src-shared/i18n/error-text';
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { commands, type CommandName } from '../../src-shared/contract/commands';
import { fail } from '../../src-shared/contract/result';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventBus } from '../ipc/event-bus';
import type { Disposable } from '../lib/emitter';
import type { Logger } from '../lib/logger';
import { isAppUrl } from './app-protocol';

export const EVENT_CHANNEL = 'lab:event';

export function commandChannel(name: CommandName): string {
  return `lab:${name}`;
}

/** The part of a BrowserWindow the adapter needs; the lab's own windows only. */
export interface OwnWindow {
  isDestroyed(): boolean;
  readonly webContents: WebContents;
}

export interface IpcAdapterOptions {
  dispatch: Dispatch;
  bus: Pick<EventBus, 'subscribe'>;
  /** The windows the lab created. Only their top frame may call; only they hear events. */
  ownWindows: () => readonly OwnWindow[];
  logger: Logger;
}

function isOwnContents(contents: WebContents, ownWindows: () => readonly OwnWindow[]): boolean {
  return ownWindows().some((window) => !window.isDestroyed() && window.webContents.id === contents.id);
}

/**
 * Electron security checklist #17: validate the sender of all IPC messages.
 * Accepted only from the top-level frame of one of our windows while it shows our app:// page.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  ownWindows: () => readonly OwnWindow[],
): boolean {
  const frame = event.senderFrame;
  // A null frame has navigated away or been destroyed since it sent the message.
  if (!frame || frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isOwnContents(event.sender, ownWindows) && isAppUrl(frame.url);
}

function describeSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string {
  const frame = event.senderFrame;
  if (!frame) return 'a page that is gone';
  return frame.parent === null ? `"${frame.url}"` : `a frame inside the page ("${frame.url}")`;
}

function forwardEvents(options: IpcAdapterOptions): Disposable {
  return options.bus.subscribe((name, payload) => {
    for (const window of options.ownWindows()) {
      if (window.isDestroyed() || !isAppUrl(window.webContents.getURL())) continue;
      try {
        window.webContents.send(EVENT_CHANNEL, name, payload);
      } catch (error) {
        options.logger.warn(`Could not send ${name} to the window`, error);
      }
    }
  });
}

/** Registers every command channel and starts forwarding events. dispose() removes both. */
export function registerIpcAdapter(options: IpcAdapterOptions): Disposable {
  const { dispatch, ownWindows, logger } = options;
  const names = Object.keys(commands) as CommandName[];
  for (const name of names) {
    ipcMain.handle(commandChannel(name), async (event, input: unknown) => {
      if (!isTrustedSender(event, ownWindows)) {
        logger.warn(`Refused ${name} from ${describeSender(event)}: it is not the MQTT Lab window.`);
        return fail('UNAVAILABLE', errorText('errors.app.otherWindow', { name, sender: describeSender(event) }));
      }
      return dispatch(name, input);
    });
  }
  const events = forwardEvents(options);
  return {
    dispose: () => {
      for (const name of names) ipcMain.removeHandler(commandChannel(name));
      events.dispose();
    },
  };
}
