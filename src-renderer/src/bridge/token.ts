// Finds the host's access token: from the page address the first time, from sessionStorage after a reload.
// It never sends the token anywhere; the WebSocket bridge puts it in its own URL.
import { TOKEN_PARAM } from '../../../src-shared/contract/ws-protocol';

const STORAGE_KEY = 'mqtt-lab.host-token';

interface PageLike {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

function remember(page: PageLike, token: string): boolean {
  try {
    page.sessionStorage.setItem(STORAGE_KEY, token);
    return true;
  } catch {
    return false;
  }
}

/** The token from ?token= (then hidden from the address bar, so screenshots don't leak it), else the remembered one. */
export function takeHostToken(page: PageLike): string | null {
  const params = new URLSearchParams(page.location.search);
  const fromAddress = params.get(TOKEN_PARAM);
  if (fromAddress) {
    // Only hide it when it is safely remembered, otherwise a reload would lose it.
    if (remember(page, fromAddress)) {
      params.delete(TOKEN_PARAM);
      const query = params.toString();
      const url = `${page.location.pathname}${query ? `?${query}` : ''}${page.location.hash}`;
      page.history.replaceState(page.history.state, '', url);
    }
    return fromAddress;
  }
  try {
    return page.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
