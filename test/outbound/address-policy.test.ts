import { describe, expect, it } from 'vitest';
import { addressPolicy, isAllowListEntry, isPublicAddress } from '../../src/outbound/address-policy.js';

describe('the webhook address policy', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.100.100.200',
    '0.0.0.0',
    '::1',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    'fd00:ec2::254',
    'fe80::1',
    '224.0.0.1',
  ])('refuses %s by default', (address) => {
    expect(isPublicAddress(address)).toBe(false);
    expect(addressPolicy({ allowed: [], requireHttps: false }).permits('example.org', address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])(
    'permits the public address %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('lets allow-listed host names, addresses and ranges through', () => {
    const policy = addressPolicy({
      allowed: ['hooks.intranet', '10.0.0.0/8', '127.0.0.1'],
      requireHttps: true,
    });
    expect(policy.permits('HOOKS.intranet', '192.168.5.5')).toBe(true);
    expect(policy.permits('other.intranet', '10.20.30.40')).toBe(true);
    expect(policy.permits('localhost', '127.0.0.1')).toBe(true);
    expect(policy.permits('localhost', '127.0.0.2')).toBe(false);
    expect(policy.permits('other.intranet', '192.168.5.5')).toBe(false);
  });

  it('tells allow-list entries from garbage', () => {
    for (const entry of ['hooks.intranet', '10.0.0.0/8', 'fd00::/8', '127.0.0.1', 'localhost']) {
      expect(isAllowListEntry(entry)).toBe(true);
    }
    for (const entry of ['10.0.0.0/33', 'http://x', 'a b', '1.2.3.4/8/9', '']) {
      expect(isAllowListEntry(entry)).toBe(false);
    }
  });
});
