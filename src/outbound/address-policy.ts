import { BlockList, isIP } from 'node:net';

/**
 * Where outbound webhooks may connect. Template writers choose the URL, so without a policy they could make
 * the server call itself, the local network or a cloud metadata service (SSRF). By default every address
 * that is not publicly routable is refused; an allow-list lets on-premise receivers through.
 */
export interface AddressPolicy {
  /** Whether a connection to `address` (already resolved) for a URL naming `hostname` may be made. */
  permits(hostname: string, address: string): boolean;
  /** Plain http:// is refused when true (production), unless allowed explicitly. */
  readonly requireHttps: boolean;
}

// Loopback, private, link-local (cloud metadata lives at 169.254.169.254), shared address space (some
// clouds' metadata), documentation, benchmarking, multicast and reserved ranges.
const blockedV4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];
// Unspecified, loopback, NAT64 local use, discard, documentation, unique local (fd00:ec2::254 is a
// metadata address), link-local, site-local and multicast. IPv4-mapped addresses (::ffff:7f00:1) are
// checked against the IPv4 rules by BlockList itself.
const blockedV6 = [
  '::/128',
  '::1/128',
  '64:ff9b:1::/48',
  '100::/64',
  '2001:db8::/32',
  'fc00::/7',
  'fe80::/10',
  'fec0::/10',
  'ff00::/8',
];

function subnetList(ranges: readonly string[], type: 'ipv4' | 'ipv6', list = new BlockList()): BlockList {
  for (const range of ranges) {
    const [network = '', prefix = ''] = range.split('/');
    list.addSubnet(network, Number(prefix), type);
  }
  return list;
}

const blocked = subnetList(blockedV6, 'ipv6', subnetList(blockedV4, 'ipv4'));

/** `::ffff:127.0.0.1` is 127.0.0.1: a mapped address must not slip past the IPv4 rules. */
function normalised(address: string): { address: string; type: 'ipv4' | 'ipv6' } | undefined {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return { address: mapped[1], type: 'ipv4' };
  const version = isIP(bare);
  if (version === 4) return { address: bare, type: 'ipv4' };
  if (version === 6) return { address: bare, type: 'ipv6' };
  return undefined;
}

export function isPublicAddress(address: string): boolean {
  const ip = normalised(address);
  return ip !== undefined && !blocked.check(ip.address, ip.type);
}

/** One entry of the allow-list: a host name, an IP address or a CIDR range. */
export function isAllowListEntry(entry: string): boolean {
  const [network = '', prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const ip = normalised(network);
  if (prefix !== undefined) {
    const bits = Number(prefix);
    return ip !== undefined && /^\d+$/.test(prefix) && bits >= 0 && bits <= (ip.type === 'ipv4' ? 32 : 128);
  }
  return (
    ip !== undefined ||
    /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(entry)
  );
}

export function addressPolicy(options: {
  /** Host names, IP addresses and CIDR ranges that may be called although they are not public. */
  allowed: readonly string[];
  requireHttps: boolean;
}): AddressPolicy {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  for (const entry of options.allowed) {
    const [network = '', prefix] = entry.split('/');
    const ip = normalised(network);
    if (!ip) hosts.add(entry.toLowerCase());
    else if (prefix === undefined) addresses.addAddress(ip.address, ip.type);
    else addresses.addSubnet(ip.address, Number(prefix), ip.type);
  }
  return {
    requireHttps: options.requireHttps,
    permits(hostname, address) {
      if (hosts.has(hostname.toLowerCase().replace(/^\[|\]$/g, ''))) return true;
      const ip = normalised(address);
      if (!ip) return false;
      return !blocked.check(ip.address, ip.type) || addresses.check(ip.address, ip.type);
    },
  };
}
