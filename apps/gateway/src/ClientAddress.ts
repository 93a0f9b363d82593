/**
 * The client's address behind reverse proxies. The socket's peer is the
 * client unless it is one of `BASHKE_TRUSTED_PROXIES`; then the client is the
 * right-most address of `X-Forwarded-For` that is not a trusted proxy — each
 * proxy appends the address it saw, so everything left of the first untrusted
 * one could have been written by the client and is ignored. The sign-in
 * backoff (ADR 0007) counts failures per this address: without the setting,
 * every client behind a proxy would share the proxy's.
 */
import { ConfigInvalid } from "./NotificationSettings"

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) is `127.0.0.1`. */
const normal = (address: string): string =>
  address
    .trim()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1")
    .toLowerCase()

const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/
const ipv6 = /^[0-9a-f:]*:[0-9a-f:.]*$/i

/** Whether `text` is an IP address literal (v4 or v6). */
export const isAddress = (text: string): boolean => ipv4.test(text) || (ipv6.test(text) && text.length <= 45)

/** `BASHKE_TRUSTED_PROXIES`: a comma list of the proxies' IP addresses; none when unset. */
export const trustedProxiesOf = (env: Readonly<Record<string, string | undefined>>): ReadonlyArray<string> => {
  const addresses = (env.BASHKE_TRUSTED_PROXIES ?? "")
    .split(",")
    .map(normal)
    .filter((address) => address.length > 0)
  for (const address of addresses)
    if (!isAddress(address))
      throw new ConfigInvalid("BASHKE_TRUSTED_PROXIES", "a comma list of IP addresses such as 127.0.0.1,::1")
  return addresses
}

/** The client's address, from the socket's `peer` and the request's `X-Forwarded-For`. */
export const of = (
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: ReadonlyArray<string>,
): string | undefined => {
  if (peer === undefined || !trusted.includes(normal(peer))) return peer
  const hops = (forwardedFor ?? "")
    .split(",")
    .map(normal)
    .filter((hop) => hop.length > 0)
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index] as string
    if (!isAddress(hop)) return peer
    if (!trusted.includes(hop)) return hop
  }
  return hops[0] ?? peer
}
