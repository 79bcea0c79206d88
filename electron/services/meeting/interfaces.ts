import type { NetworkInterfaceInfo } from 'node:os';
import type { MeetingInterface } from '../../../shared/meeting';

/**
 * Which of the laptop's connections a meeting may listen on, and whether an address lies in a
 * connection's subnet. Pure functions over what `os.networkInterfaces()` reports, so they are
 * tested with the shapes Windows, macOS and Linux give.
 */

function toNumber(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    n = n * 256 + Number(part);
  }
  return n;
}

function prefixLength(netmask: string): number {
  const n = toNumber(netmask) ?? 0;
  return n.toString(2).replace(/0+$/, '').length;
}

function fromNumber(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** True for 10/8, 172.16/12, 192.168/16 and 169.254/16 (a hotspot without DHCP): networks that do not reach the internet directly. */
function isPrivate(address: string): boolean {
  const n = toNumber(address);
  if (n === null) return false;
  const [a, b] = [Math.floor(n / 2 ** 24), Math.floor(n / 2 ** 16) % 256];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/** Windows' Mobile Hotspot (192.168.137.1), macOS Internet Sharing (192.168.2.1, bridge100), Linux NetworkManager (10.42.0.1). */
function looksLikeHotspot(name: string, address: string): boolean {
  return address === '192.168.137.1' || address === '10.42.0.1' || (address === '192.168.2.1' && /^bridge/.test(name)) || /^bridge\d+$/.test(name) || /^ap\d*$/.test(name);
}

/** The connections a meeting can use: IPv4, private, not loopback; hotspot-like first, then by name. */
export function meetingInterfaces(reported: NodeJS.Dict<NetworkInterfaceInfo[]>): MeetingInterface[] {
  const found: MeetingInterface[] = [];
  for (const [name, infos] of Object.entries(reported)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal || !isPrivate(info.address)) continue;
      found.push({ name, address: info.address, subnet: subnetOf(info.address, info.netmask), likelyHotspot: looksLikeHotspot(name, info.address) });
    }
  }
  return found.sort((a, b) => Number(b.likelyHotspot) - Number(a.likelyHotspot) || a.name.localeCompare(b.name) || a.address.localeCompare(b.address));
}

/** `192.168.137.1` with `255.255.255.0` → `192.168.137.0/24`. */
export function subnetOf(address: string, netmask: string): string {
  const bits = prefixLength(netmask);
  const n = toNumber(address) ?? 0;
  const size = 2 ** (32 - bits);
  return `${fromNumber(n - (n % size))}/${bits}`;
}

/** Whether `address` (as a socket reports it; IPv4-mapped IPv6 allowed) lies in `subnet` (CIDR). Anything unreadable is outside. */
export function inSubnet(address: string | undefined, subnet: string): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  const [base, bitsText] = subnet.split('/');
  const n = toNumber(plain);
  const start = toNumber(base ?? '');
  const bits = Number(bitsText);
  if (n === null || start === null || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return n >= start && n < start + size;
}
