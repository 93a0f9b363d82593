// The client's address behind trusted reverse proxies: the socket's peer unless
// it is a trusted proxy, then the right-most X-Forwarded-For hop that is not
// one. A client cannot choose its address by sending the header itself.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import * as ClientAddress from "../src/ClientAddress"
import * as GatewaySettings from "../src/GatewaySettings"
import { start } from "../src/Server"

const proxy = "127.0.0.1"
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join("."))

describe("ClientAddress.of", () => {
  it("a peer that is not a trusted proxy is the client, whatever it forwards", () => {
    fc.assert(
      fc.property(ipv4, ipv4, fc.string(), (peer, other, header) => {
        fc.pre(peer !== proxy)
        return ClientAddress.of(peer, `${other}, ${header}`, [proxy]) === peer
      }),
    )
  })

  it("behind the proxy, the address the proxy appended — not what the client wrote before it", () => {
    fc.assert(
      fc.property(ipv4, fc.array(ipv4, { maxLength: 4 }), (client, spoofed) => {
        fc.pre(client !== proxy)
        const header = [...spoofed, client].join(", ")
        return ClientAddress.of(proxy, header, [proxy]) === client
      }),
    )
  })

  it("skips every trusted hop from the right; IPv4-mapped peers are their IPv4 address", () => {
    expect(ClientAddress.of("::ffff:10.0.0.2", "203.0.113.9, 10.0.0.1", ["10.0.0.1", "10.0.0.2"])).toBe("203.0.113.9")
    expect(ClientAddress.of("10.0.0.2", "10.0.0.1", ["10.0.0.1", "10.0.0.2"])).toBe("10.0.0.1")
    expect(ClientAddress.of(proxy, undefined, [proxy])).toBe(proxy)
    expect(ClientAddress.of(proxy, "not-an-address", [proxy])).toBe(proxy)
    expect(ClientAddress.of(undefined, "203.0.113.9", [proxy])).toBeUndefined()
  })
})

describe("BASHKE_TRUSTED_PROXIES", () => {
  it("is a comma list of IP addresses, none by default; anything else stops the start naming it", () => {
    expect(GatewaySettings.read({}).trustedProxies).toEqual([])
    expect(GatewaySettings.read({ BASHKE_TRUSTED_PROXIES: "127.0.0.1, ::1" }).trustedProxies).toEqual([
      "127.0.0.1",
      "::1",
    ])
    expect(() => GatewaySettings.read({ BASHKE_TRUSTED_PROXIES: "proxy.example.org" })).toThrow(
      expect.objectContaining({ variable: "BASHKE_TRUSTED_PROXIES" }),
    )
  })
})

describe("the Node server behind a trusted proxy", () => {
  it("counts failed sign-ins per client, not per proxy: one client's failures leave another's alone", async () => {
    const directory = mkdtempSync(join(tmpdir(), "bashke-proxy-"))
    // The test's requests come from 127.0.0.1: here, the proxy.
    const running = await start({
      port: 0,
      demo: true,
      databaseUrl: `sqlite:${join(directory, "proxy.db")}`,
      env: { BASHKE_TRUSTED_PROXIES: "127.0.0.1" },
      log: () => {},
    })
    try {
      const failWith = (client: string) =>
        fetch(`${running.url}/v1/mechanisms`, {
          headers: { authorization: "Bearer bsk_not-a-token", "x-forwarded-for": `198.51.100.7, ${client}` },
        }).then((response) => response.status)
      const first: Array<number> = []
      for (let i = 0; i < 12; i++) first.push(await failWith("203.0.113.9"))
      expect(first.slice(0, 10).every((status) => status === 401)).toBe(true)
      expect(first.at(-1)).toBe(429)
      expect(await failWith("203.0.113.10")).toBe(401)
    } finally {
      await running.close()
      rmSync(directory, { recursive: true, force: true })
    }
  })
})
