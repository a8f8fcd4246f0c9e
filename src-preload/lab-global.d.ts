// Types window.lab for the renderer. Present only in the Electron shell; in a browser it is undefined.
import type { LabBridge } from '../src-shared/contract/commands';

declare global {
  interface Window {
    readonly lab?: LabBridge;
  }
}

export {};
