// This computer's local-network addresses, the ones a board on the same Wi-Fi can use as BROKER.
// Pure given the interface table (os.networkInterfaces() in the app, a fixture in tests).
import type { NetworkInterfaceInfo } from 'node:os';
import type { LanAddress } from '../../../src-shared/contract/board';

/** Virtual adapters (containers, VMs, VPNs) are listed last: a board on the Wi-Fi cannot reach them. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|utun|zt|tailscale|wg|lxc|lxd|cni|flannel|podman)/i;

export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): LanAddress[] {
  const found: Array<LanAddress & { rank: number }> = [];
  for (const [interfaceName, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal) continue;
      // Link-local IPv6 (fe80::) needs a zone id that boards cannot use.
      if (info.family === 'IPv6' && /^fe80:/i.test(info.address)) continue;
      const rank = (info.family === 'IPv4' ? 0 : 2) + (VIRTUAL_INTERFACE.test(interfaceName) ? 1 : 0);
      found.push({ interfaceName, address: info.address, family: info.family, rank });
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map(({ interfaceName, address, family }) => ({ interfaceName, address, family }));
}
