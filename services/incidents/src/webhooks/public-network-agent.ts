import { lookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';

/** Address ranges a webhook must not reach unless private networks are allowed: loopback, private, link-local, shared, reserved. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (IPv4, IPv6, or IPv4-mapped IPv6) is in a range only a private network reaches. */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isNonPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a delivery to `host` is refused: `host` named by `address`, which is not public. */
function refusal(host: string, address: string): string {
  const where = host === address ? `${address} is` : `${host} resolves to ${address},`;
  return `${where} a private, loopback or reserved address, which webhooks may not reach`;
}

/**
 * Why `url` may not be delivered to without looking its name up: its host is an IP address that is not public.
 * Null for a public address or a name (names are checked by {@link createPublicNetworkAgent} when it connects).
 */
export function nonPublicUrlProblem(url: string): string | null {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) !== 0 && isNonPublicAddress(host) ? `${refusal(host, host)}.` : null;
}

/**
 * An HTTP agent that connects only to public addresses (IP literals are checked before, by
 * {@link nonPublicUrlProblem}): the check runs on the addresses a name resolves to at connect time (so a DNS answer that changes between a check and the connection cannot slip through), and a name
 * with any non-public address is refused with a sentence saying so. Keeps webhooks from being aimed at the
 * services inside the deployment's network (server-side request forgery).
 */
export function createPublicNetworkAgent(): Agent {
  return new Agent({
    connect: {
      lookup(hostname, options, callback) {
        lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
          if (error) return callback(error, '', 0);
          const refused = addresses.find(({ address }) => isNonPublicAddress(address));
          if (refused) {
            return callback(Object.assign(new Error(refusal(hostname, refused.address)), { code: 'EADDRNOTPUBLIC' }), '', 0);
          }
          if ((options as { all?: boolean }).all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
          callback(null, addresses[0].address, addresses[0].family);
        });
      },
    },
  });
}
