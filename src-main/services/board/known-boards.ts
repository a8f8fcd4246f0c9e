// Names boards and USB-serial chips from their USB vendor:product ids, as the student would call them.
// Pure data and lookup; it never opens or lists ports.
import type { BoardKind } from '../../../src-shared/contract/board';

export interface KnownBoard {
  vendorId: string;
  productId: string;
  name: string;
  kind: Exclude<BoardKind, 'unknown'>;
}

export const KNOWN_BOARDS: readonly KnownBoard[] = [
  { vendorId: '2886', productId: '802D', name: 'Seeed Wio Terminal', kind: 'usb-board' },
  { vendorId: '2886', productId: '002D', name: 'Seeed Wio Terminal (bootloader: ready to be flashed)', kind: 'bootloader' },
  { vendorId: '2341', productId: '0043', name: 'Arduino Uno R3', kind: 'usb-board' },
  { vendorId: '2341', productId: '0069', name: 'Arduino Uno R4 Minima', kind: 'usb-board' },
  { vendorId: '2341', productId: '1002', name: 'Arduino Uno R4 WiFi', kind: 'usb-board' },
  { vendorId: '2341', productId: '8036', name: 'Arduino Leonardo', kind: 'usb-board' },
  { vendorId: '2341', productId: '0042', name: 'Arduino Mega 2560', kind: 'usb-board' },
  { vendorId: '2341', productId: '0058', name: 'Arduino Nano Every', kind: 'usb-board' },
  { vendorId: '2E8A', productId: '0005', name: 'Raspberry Pi Pico (MicroPython)', kind: 'usb-board' },
  { vendorId: '2E8A', productId: '000A', name: 'Raspberry Pi Pico', kind: 'usb-board' },
  { vendorId: '303A', productId: '1001', name: 'ESP32-S3', kind: 'usb-board' },
  { vendorId: '0D28', productId: '0204', name: 'BBC micro:bit', kind: 'usb-board' },
  { vendorId: '1A86', productId: '7523', name: 'CH340 USB-serial chip', kind: 'usb-serial' },
  { vendorId: '10C4', productId: 'EA60', name: 'CP210x USB-serial chip', kind: 'usb-serial' },
  { vendorId: '0403', productId: '6001', name: 'FTDI USB-serial chip', kind: 'usb-serial' },
];

const byId = new Map(KNOWN_BOARDS.map((board) => [`${board.vendorId}:${board.productId}`, board]));

/** "0x2886", "2886", "2886 " -> "2886"; anything that is not 1-4 hex digits -> null. */
export function normalizeUsbId(id: string | undefined | null): string | null {
  if (!id) return null;
  const hex = id.trim().replace(/^0x/i, '');
  return /^[0-9a-f]{1,4}$/i.test(hex) ? hex.toUpperCase().padStart(4, '0') : null;
}

export function identifyBoard(vendorId: string | undefined | null, productId: string | undefined | null): KnownBoard | null {
  const vendor = normalizeUsbId(vendorId);
  const product = normalizeUsbId(productId);
  if (!vendor || !product) return null;
  return byId.get(`${vendor}:${product}`) ?? null;
}
