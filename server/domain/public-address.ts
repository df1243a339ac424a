// Which IP addresses a server-side fetch may reach: public unicast only, never this host, the local
// network, link-local, documentation, multicast or addresses that embed another (mapped, NAT64, 6to4).

import net from 'node:net';

const NOT_PUBLIC: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], ['10.0.0.0', 8, 'ipv4'], ['100.64.0.0', 10, 'ipv4'], ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.0.0.0', 24, 'ipv4'], ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['198.18.0.0', 15, 'ipv4'], ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'], ['224.0.0.0', 4, 'ipv4'], ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'], ['::1', 128, 'ipv6'], ['64:ff9b::', 96, 'ipv6'], ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'], ['2001::', 23, 'ipv6'], ['2001:db8::', 32, 'ipv6'], ['2002::', 16, 'ipv6'],
  ['fc00::', 7, 'ipv6'], ['fe80::', 10, 'ipv6'], ['fec0::', 10, 'ipv6'], ['ff00::', 8, 'ipv6'],
];

const blocked = new net.BlockList();
for (const [address, prefix, family] of NOT_PUBLIC) blocked.addSubnet(address, prefix, family);

/** True for an address on the public internet; false for anything else, including text that is no address. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  // IPv4-mapped addresses (::ffff:a.b.c.d) are refused as a whole; BlockList would also equate the subnet with all of IPv4.
  if (family === 6 && address.replace(/^[0:]*/, '').toLowerCase().startsWith('ffff:')) return false;
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
