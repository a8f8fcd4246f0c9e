// The renderer's view of its link to the lab host: open, still connecting, or lost and retrying.
// Electron's window.lab never drops, so a bridge without a link is treated as always open.
import type { LabBridge } from '../../../src-shared/contract/commands';

export type HostLinkState = 'connecting' | 'open' | 'lost';

export interface HostLinkInfo {
  state: HostLinkState;
  /** False when the page was opened without the host's access token, the usual reason a link never opens. */
  hasToken: boolean;
  /** Attempts that failed since the link was last open. */
  failedAttempts: number;
}

export interface HostLink {
  getInfo(): HostLinkInfo;
  onChange(listener: (info: HostLinkInfo) => void): () => void;
}

/** A bridge that can lose its host and says so (the WebSocket bridge, test fakes). */
export interface LinkedBridge extends LabBridge {
  readonly link: HostLink;
}

const ALWAYS_OPEN: HostLink = {
  getInfo: () => ({ state: 'open', hasToken: true, failedAttempts: 0 }),
  onChange: () => () => {},
};

export function hostLinkOf(bridge: LabBridge): HostLink {
  const link = (bridge as Partial<LinkedBridge>).link;
  return link && typeof link.getInfo === 'function' ? link : ALWAYS_OPEN;
}
