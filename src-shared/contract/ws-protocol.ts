// Frames of the WebSocket bridge between a browser renderer and the headless host.
// The Electron IPC path does not use these; it has invoke/on natively.
import type { Result } from './result';

export interface InvokeFrame {
  type: 'invoke';
  id: number;
  name: string;
  input: unknown;
}

export interface ResultFrame {
  type: 'result';
  id: number;
  result: Result<unknown>;
}

export interface EventFrame {
  type: 'event';
  name: string;
  payload: unknown;
}

export type ServerFrame = ResultFrame | EventFrame;

/** The query parameter and the WebSocket path the host expects. */
export const WS_PATH = '/bridge';
export const TOKEN_PARAM = 'token';
