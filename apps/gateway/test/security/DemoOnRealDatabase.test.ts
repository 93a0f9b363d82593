// Finding 2 of the outside review: `bashke start` (without `--no-demo`) on a
// database that already held a mechanism the demo did not make printed new
// "demo" coordinator and case-worker tokens scoped to that mechanism, wrote
// throwaway vault keys beside it and used them, and added three never-revoked
// tokens on every start. Now the demo's keys and tokens exist only for the
// database the demo itself made (marked in the seed's transaction), a restart
// revokes the previous tokens, a database that is not the demo's does not start
// without BASHKE_VAULT_KEYS, and a start that fails on its settings or on a busy
// port leaves nothing behind. Through the real Node gateway (`Server.start`, as
// `bashke start` runs it) and HTTP, on SQLite and PostgreSQL.
import { existsSync } from "node:fs"
import { createServer, type Server } from "node:net"
import { join } from "node:path"
import { Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { BlindIndex, Vault } from "@bashke/security"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Layer, ManagedRuntime } from "effect"
import { seed } from "../../src/demo/Seed"
import { migrationPlan } from "../../src/MigrationPlan"
import { ConfigInvalid, type Running, start, VaultKeysRequired } from "../../src/Server"
import * as Services from "../../src/Services"
import { read, stores } from "../support/Stores"

const key = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")
const realKeys = { BASHKE_VAULT_KEYS: `k1:${key()}`, BASHKE_BLIND_INDEX_KEY: key() }
const quiet = { BASHKE_SCHEDULER: "off" }

const startOn = (url: string, env: Record<string, string>, demo = true) =>
  start({ databaseUrl: url, port: 0, demo, env: { ...quiet, ...env } })

const casesOf = (running: Running, mechanismId: string, token: string | undefined) =>
  fetch(`${running.url}/v1/cases?mechanismId=${mechanismId}`, { headers: { authorization: `Bearer ${token}` } })

const liveTokens = async (url: string) =>
  Number((await read(url, "SELECT count(*) AS n FROM gateway_api_tokens WHERE revoked_at IS NULL"))[0]?.n)

/** A port something else listens on. */
const busyPort = () =>
  new Promise<{ port: number; server: Server }>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address()
      resolve({ port: typeof address === "object" && address !== null ? address.port : 0, server })
    })
  })

/** A database with a mechanism the demo did not make, sealed with the operator's keys. */
const realDatabase = async (url: string) => {
  const keys = Layer.merge(Vault.layerConfig(), BlindIndex.layerConfig()).pipe(
    Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(realKeys))))),
  )
  const runtime = ManagedRuntime.make(
    Services.layer(keys).pipe(Layer.provideMerge(Layer.orDie(Database.layer(url))), Layer.orDie),
  )
  try {
    await runtime.runPromise(Migrations.run(migrationPlan))
    return (await runtime.runPromise(seed)).mechanismId
  } finally {
    await runtime.dispose()
  }
}

for (const store of stores) {
  describe.skipIf(store.skip)(`${store.name}: bashke start on a database the demo did not make`, () => {
    it("hands out no demo token and uses no demo key; without BASHKE_VAULT_KEYS it does not start", async () => {
      const { url, directory } = await store.fresh()
      const mechanismId = await realDatabase(url)
      const demoKeys = directory === undefined ? join("data", "demo-keys.json") : join(directory, "demo-keys.json")

      // The attack of the review: the demo's start on it, without the operator's keys.
      const refused = await startOn(url, {}).then(
        () => undefined,
        (error: unknown) => error,
      )
      expect(refused).toBeInstanceOf(VaultKeysRequired)
      expect((refused as VaultKeysRequired).variable).toBe("BASHKE_VAULT_KEYS")
      if (directory !== undefined) expect(existsSync(demoKeys)).toBe(false)
      expect(await liveTokens(url)).toBe(0)

      // With the operator's keys it serves, but issues no demo token for the mechanism.
      const running = await startOn(url, realKeys)
      try {
        expect(running.demo).toBe("not-a-demo-database")
        expect(running.tokens).toEqual({})
        expect(running.mechanismId).toBeUndefined()
        expect(await liveTokens(url)).toBe(0)
        if (directory !== undefined) expect(existsSync(demoKeys)).toBe(false)
        expect((await casesOf(running, mechanismId, "bsk_guessed")).status).toBe(401)
      } finally {
        await running.close()
      }
    })
  })

  describe.skipIf(store.skip)(`${store.name}: the demo's own database`, () => {
    it("is marked when seeded; a restart revokes the previous demo tokens, so they never pile up", async () => {
      const { url } = await store.fresh()
      const first = await startOn(url, {})
      const mechanismId = first.mechanismId as string
      const before = first.tokens
      try {
        expect(first.demo).toBe("seeded")
        expect((await casesOf(first, mechanismId, before.caseManager)).status).toBe(200)
      } finally {
        await first.close()
      }
      expect(await read(url, "SELECT name, value FROM gateway_settings")).toEqual([
        { name: "demo", value: mechanismId },
      ])

      for (let restart = 0; restart < 2; restart++) {
        const again = await startOn(url, {})
        try {
          expect(again.demo).toBe("existing")
          expect(again.mechanismId).toBe(mechanismId)
          // The previous start's tokens are dead on the next request; the new ones work.
          for (const token of Object.values(before)) expect((await casesOf(again, mechanismId, token)).status).toBe(401)
          expect((await casesOf(again, mechanismId, again.tokens.caseManager)).status).toBe(200)
          expect(await liveTokens(url)).toBe(3)
        } finally {
          await again.close()
        }
      }

      // Without the demo, the demo's tokens end too and none is issued.
      const plain = await startOn(url, {}, false)
      try {
        expect(plain.tokens).toEqual({})
        expect(await liveTokens(url)).toBe(0)
      } finally {
        await plain.close()
      }
    })
  })

  describe.skipIf(store.skip)(`${store.name}: a start that fails leaves nothing behind`, () => {
    it("a busy port: no database file, no table, no demo keys", async () => {
      const { url, directory } = await store.fresh()
      const busy = await busyPort()
      try {
        const failed = await start({ databaseUrl: url, port: busy.port, demo: true, env: quiet }).then(
          () => undefined,
          (error: unknown) => error,
        )
        expect((failed as { code?: string }).code).toBe("EADDRINUSE")
      } finally {
        busy.server.close()
      }
      expect(await store.tables(url)).toEqual([])
      if (directory !== undefined) expect(existsSync(directory)).toBe(false)
    })

    it("a malformed setting: stops naming the variable, before anything is created", async () => {
      const { url, directory } = await store.fresh()
      const failed = await startOn(url, { BASHKE_RATE_LIMIT_PER_MINUTE: "abc" }).then(
        () => undefined,
        (error: unknown) => error,
      )
      expect(failed).toBeInstanceOf(ConfigInvalid)
      expect((failed as ConfigInvalid).variable).toBe("BASHKE_RATE_LIMIT_PER_MINUTE")
      expect((failed as ConfigInvalid).message).not.toContain("abc")
      expect(await store.tables(url)).toEqual([])
      if (directory !== undefined) expect(existsSync(directory)).toBe(false)
    })
  })
}
