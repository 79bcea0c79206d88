import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { inSubnet, meetingInterfaces, subnetOf } from '../../electron/services/meeting/interfaces';

/** Which connections a meeting may listen on, from what os.networkInterfaces() reports on each system. */

const v4 = (address: string, netmask: string, internal = false): NetworkInterfaceInfo => ({ address, netmask, family: 'IPv4', mac: '00:00:00:00:00:00', internal, cidr: null });
const v6 = (address: string): NetworkInterfaceInfo => ({ address, netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '00:00:00:00:00:00', internal: false, cidr: null, scopeid: 0 });

describe('meeting connections', () => {
  it('offers private IPv4 addresses, the hotspot first, never loopback, public or IPv6 addresses', () => {
    const windows = {
      'Loopback Pseudo-Interface 1': [v4('127.0.0.1', '255.0.0.0', true)],
      'Wi-Fi': [v6('fe80::1'), v4('10.20.30.41', '255.255.252.0')],
      'Local Area Connection* 10': [v4('192.168.137.1', '255.255.255.0')],
      Ethernet: [v4('145.97.1.20', '255.255.255.0')],
    };
    expect(meetingInterfaces(windows)).toEqual([
      { name: 'Local Area Connection* 10', address: '192.168.137.1', subnet: '192.168.137.0/24', likelyHotspot: true },
      { name: 'Wi-Fi', address: '10.20.30.41', subnet: '10.20.28.0/22', likelyHotspot: false },
    ]);
    const mac = { lo0: [v4('127.0.0.1', '255.0.0.0', true)], en0: [v4('192.168.1.23', '255.255.255.0')], bridge100: [v4('192.168.2.1', '255.255.255.0')] };
    expect(meetingInterfaces(mac).map((i) => [i.name, i.likelyHotspot])).toEqual([
      ['bridge100', true],
      ['en0', false],
    ]);
    const linux = { lo: [v4('127.0.0.1', '255.0.0.0', true)], wlp2s0: [v4('10.42.0.1', '255.255.255.0')], docker0: [v4('172.17.0.1', '255.255.0.0')] };
    expect(meetingInterfaces(linux).map((i) => [i.name, i.subnet, i.likelyHotspot])).toEqual([
      ['wlp2s0', '10.42.0.0/24', true],
      ['docker0', '172.17.0.0/16', false],
    ]);
  });

  it('computes the subnet of an address and its mask', () => {
    expect(subnetOf('192.168.137.1', '255.255.255.0')).toBe('192.168.137.0/24');
    expect(subnetOf('10.20.30.41', '255.255.252.0')).toBe('10.20.28.0/22');
    expect(subnetOf('172.20.10.3', '255.255.255.240')).toBe('172.20.10.0/28');
  });

  it('tells addresses inside a subnet from those outside, and treats anything unreadable as outside', () => {
    expect(inSubnet('192.168.137.57', '192.168.137.0/24')).toBe(true);
    expect(inSubnet('::ffff:192.168.137.57', '192.168.137.0/24')).toBe(true);
    expect(inSubnet('192.168.138.1', '192.168.137.0/24')).toBe(false);
    expect(inSubnet('10.20.31.255', '10.20.28.0/22')).toBe(true);
    expect(inSubnet('10.20.32.0', '10.20.28.0/22')).toBe(false);
    expect(inSubnet('127.0.0.2', '127.0.0.1/32')).toBe(false);
    expect(inSubnet('fe80::1', '192.168.137.0/24')).toBe(false);
    expect(inSubnet(undefined, '192.168.137.0/24')).toBe(false);
    expect(inSubnet('192.168.137.300', '192.168.137.0/24')).toBe(false);
  });
});
