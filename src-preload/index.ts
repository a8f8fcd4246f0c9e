// The bridge between the sandboxed renderer and main: window.lab = { invoke, on } and nothing else.
// No logic beyond checking names; never hands ipcRenderer or any Electron object to the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { LabBridge } from '../src-shared/contract/commands';
import { fail } from '../src-shared/contract/result';

/** domain.verbNoun for commands, domain.nounPastTense for events: the only names that cross. */
const NAME = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;
const EVENT_CHANNEL = 'lab:event';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

function isName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 64 && NAME.test(name);
}

// One IPC listener for all events; the page's listeners never see the IPC event object.
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (!isName(name)) return;
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`A listener for ${name} failed`, error);
    }
  }
});

const bridge: LabBridge = {
  invoke(name, input) {
    if (!isName(name)) {
      return Promise.resolve(fail('UNKNOWN_COMMAND', `"${String(name)}" is not a command name: expected something like "mqtt.publish".`));
    }
    // A rejection here (no such channel, input that cannot be copied) becomes a value, like every other failure.
    return ipcRenderer.invoke(`lab:${name}`, input).catch((error: unknown) =>
      fail('UNAVAILABLE', `MQTT Lab could not deliver "${name}": ${error instanceof Error ? error.message : String(error)}`),
    );
  },
  on(name, listener) {
    if (!isName(name)) throw new TypeError(`"${String(name)}" is not an event name: expected something like "mqtt.statusChanged".`);
    if (typeof listener !== 'function') throw new TypeError(`The listener for ${name} must be a function.`);
    let set = listeners.get(name);
    if (!set) {
      set = new Set();
      listeners.set(name, set);
    }
    const own = listener as Listener;
    set.add(own);
    return () => {
      set.delete(own);
    };
  },
};

// Electron security checklist #20: expose only a narrow API, never ipcRenderer itself.
contextBridge.exposeInMainWorld('lab', { invoke: bridge.invoke, on: bridge.on });
