import { isIPv4, isIPv6 } from 'node:net'

/**
 * Addresses of the shop's own network: private IPv4 ranges, link-local, loopback, and IPv6
 * unique-local and link-local. Anything else is the internet and is refused.
 */
export function isLanAddress(address: string | undefined | null): boolean {
  if (!address) return false
  let a = address.toLowerCase()
  if (a.startsWith('::ffff:') && isIPv4(a.slice(7))) a = a.slice(7)
  if (isIPv4(a)) {
    const [p, q] = a.split('.').map(Number) as [number, number]
    return p === 10 || p === 127 || (p === 172 && q >= 16 && q <= 31) || (p === 192 && q === 168) || (p === 169 && q === 254)
  }
  if (isIPv6(a)) {
    return a === '::1' || /^f[cd][0-9a-f]{2}:/.test(a) || /^fe[89ab][0-9a-f]:/.test(a)
  }
  return false
}
