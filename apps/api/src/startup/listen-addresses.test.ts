import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, listenAddresses, type Interfaces } from './listen-addresses.ts';

const entry = (address: string, family: 'IPv4' | 'IPv6', scopeid = 0) =>
  ({ address, family, netmask: '', mac: '00:00:00:00:00:00', internal: false, cidr: null, ...(family === 'IPv6' ? { scopeid } : {}) }) as never;
const machine: Interfaces = {
  lo: [entry('127.0.0.1', 'IPv4'), entry('::1', 'IPv6')],
  eth0: [entry('172.17.0.2', 'IPv4'), entry('fe80::42:acff:fe11:2', 'IPv6', 2)],
};

describe('which addresses the server answers on', () => {
  it('0.0.0.0 means every IPv4 address of this machine', () => {
    expect(listenAddresses('0.0.0.0', machine)).toEqual(['127.0.0.1', '172.17.0.2']);
  });

  it(':: takes IPv6 too, naming the interface of a link-local address', () => {
    expect(listenAddresses('::', machine)).toEqual(['127.0.0.1', '::1', '172.17.0.2', 'fe80::42:acff:fe11:2%eth0']);
  });

  it('a specific host is just that host', () => {
    expect(listenAddresses('127.0.0.1', machine)).toEqual(['127.0.0.1']);
  });

  it('knows loopback in both families and by name', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['172.17.0.2', '10.0.0.1', 'fe80::1', 'keluh.example']) expect(isLoopbackAddress(address), address).toBe(false);
  });
});
