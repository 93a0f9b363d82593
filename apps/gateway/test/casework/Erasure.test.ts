// Erasure by crypto-shredding through HTTP, on SQLite and PostgreSQL (ADR
// 0012). The demo's high-risk case gets a note and a correction (sealed
// under its data key) and, as if written before case keys existed, a value
// sealed under the vault's key; then:
// - an erasure without a legal reason, by a coordinator, by someone outside
//   the mechanism, or of an open case is refused (the field named, 403, 404,
//   the rule named) and writes nothing;
// - the administrator's erasure destroys the case's data key: every sealed
//   value of the case, taken raw from the database, unwraps under no key the
//   system holds (every vault key, every case key left in `case_data_keys`),
//   where before it unwrapped under exactly one;
// - the statistics count the case as before, the audit chain verifies (what
//   `bashke audit verify` runs) with an `erase` entry;
// - reading the case still works (with `erasedAt`); its personal data answers
//   the `case.erased` marker in each of the four languages, never a 500; it
//   cannot be reopened nor erased again;
// - the retention job, in the gateway's round (time from a TestClock), erases
//   another closed case once past the profile's period, as the platform, and
//   the statistics still count it.

import { CaseRetention, erasureMessages, Retention, SqlErasableRecords } from "@bashke/case"
import { Catalogue, JurisdictionProfile, Locale, Principal } from "@bashke/kernel"
import { Statistics } from "@bashke/reporting"
import { AuditLog, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import * as RetentionRunner from "../../src/RetentionRunner"
import { leaked } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { roundAt } from "../support/Rounds"

type Row = Record<string, unknown>

const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64"))

// Whether `kek` unwraps the data key of a sealed value (`v1.<kekId>.<wrappedDek>.<iv>.<ciphertext>`):
// AES-KW checks its own integrity, so no other key unwraps it, whatever the value's aad.
const unwraps = async (sealed: string, kek: Uint8Array<ArrayBuffer>): Promise<boolean> => {
  const wrapped = fromBase64Url(sealed.split(".")[2] ?? "")
  const key = await crypto.subtle.importKey("raw", kek, "AES-KW", false, ["unwrapKey"])
  return crypto.subtle
    .unwrapKey("raw", wrapped, key, "AES-KW", "AES-GCM", false, ["decrypt"])
    .then(() => true)
    .catch(() => false)
}

const everyYear = { from: new Date("2000-01-01T00:00:00Z"), until: new Date("2100-01-01T00:00:00Z") }

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: erasure by crypto-shredding`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string
    let stranger = ""

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["caseManager", "advocate", "coordinator", "administrator", "auditor"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
      stranger = await gateway.tokenFor({
        ...principal("caseManager", seeded.mechanismId),
        id: "01KDVDP3CG38D1M6GT38D1M6GX" as never,
        mechanisms: ["01KDVDP3CG38D1M6GT38D1M6GY" as never],
      })
    })
    afterAll(() => gateway.close())

    const caseId = () => seeded.cases?.highRisk.caseId as string
    const victim = () => seeded.cases?.highRisk.victim as string
    const casePath = () => `/v1/cases/${caseId()}`
    const etag = async () =>
      (await gateway.request("GET", casePath(), { token: as("caseManager") })).headers.get("etag") as string
    const run = <A>(
      effect: Effect.Effect<A, never, SqlClient.SqlClient | Vault.Vault | AuditLog.AuditLog | Statistics.Statistics>,
    ) => gateway.runtime.runPromise(effect)
    const query = (statement: (sql: SqlClient.SqlClient) => Effect.Effect<ReadonlyArray<Row>, unknown>) =>
      run(Effect.orDie(Effect.flatMap(SqlClient.SqlClient, (sql) => statement(sql.withoutTransforms()))))

    // Every sealed value of the case, raw from the database.
    const sealedValues = async (): Promise<ReadonlyArray<string>> => {
      const values: Array<string> = []
      for (const { table, columns } of SqlErasableRecords.sealedColumns)
        for (const column of columns) {
          const rows = await query(
            (sql) => sql`SELECT ${sql(column)} AS value FROM ${sql(table)} WHERE case_id = ${caseId()}`,
          )
          for (const row of rows) if (typeof row.value === "string") values.push(row.value)
        }
      return values
    }
    // Every key the system holds: the vault's, and every case key still in `case_data_keys`.
    const heldKeys = async (): Promise<ReadonlyArray<Uint8Array<ArrayBuffer>>> => {
      const keys = Vault.testKeys.map((key) => new Uint8Array(Redacted.value(key.material)))
      const rows = await query((sql) => sql`SELECT case_id, wrapped_key FROM case_data_keys`)
      for (const row of rows) {
        if (typeof row.wrapped_key !== "string") continue
        const text = await run(
          Effect.flatMap(Vault.Vault, (vault) =>
            Effect.orDie(vault.open(String(row.wrapped_key), `case-data-key:${String(row.case_id)}`)),
          ),
        )
        keys.push(fromBase64Url(text))
      }
      return keys
    }
    const openingKeys = async (sealed: string) => {
      let n = 0
      for (const key of await heldKeys()) if (await unwraps(sealed, key)) n += 1
      return n
    }
    const casesCounted = () =>
      run(
        Effect.flatMap(Statistics.Statistics, (statistics) =>
          statistics.groups("cases", ["mechanism"], {
            ...everyYear,
            mechanismId: seeded.mechanismId,
            consentRequired: false,
          }),
        ),
      )
    const written = async () => ({
      audit: (await query((sql) => sql`SELECT count(*) AS n FROM audit_log`))[0]?.n,
      outbox: (await query((sql) => sql`SELECT count(*) AS n FROM bashke_outbox`))[0]?.n,
      keys: await query((sql) => sql`SELECT case_id, wrapped_key, destroyed_at FROM case_data_keys ORDER BY case_id`),
      etag: await etag(),
    })
    const erase = (who: string, body: unknown, ifMatch: string) =>
      gateway.request("POST", `${casePath()}/erasure`, { token: who, body, ifMatch })
    const reason = "Data subject's request under the personal data protection law, ref. 2026/114"

    it("keeps opening what was sealed before case keys, and seals new words under the case's key", async () => {
      // As before this change: the victim's given name sealed under the vault's key.
      const legacy = await run(
        Effect.flatMap(Vault.Vault, (vault) => vault.seal("Arta", `person:${victim()}:given-name`)),
      )
      await query((sql) => sql`UPDATE persons SET given_name = ${legacy} WHERE id = ${victim()}`)
      const details = await gateway.request("POST", `${casePath()}/persons/${victim()}/details/read`, {
        token: as("caseManager"),
        body: { purpose: "case-management" },
      })
      expect(details.status).toBe(200)
      expect((await details.json()).givenName).toBe("Arta")

      const note = await gateway.request("POST", `${casePath()}/notes`, {
        token: as("caseManager"),
        body: { text: "She asked us to call only on Tuesdays.", visibility: "team" },
      })
      expect(note.status).toBe(201)
      const noteId = (await note.json()).id
      const corrected = await gateway.request("POST", `${casePath()}/notes/${noteId}/corrections`, {
        token: as("caseManager"),
        body: { text: "She asked us to call only on Wednesdays.", reason: "Misheard the day." },
        ifMatch: note.headers.get("etag") ?? '"1"',
      })
      expect(corrected.status).toBe(201)
      const values = await sealedValues()
      expect(values.filter((value) => value.startsWith("v1.case."))).toHaveLength(values.length - 1)
      // Each value unwraps under exactly one key the system holds: the case's, or the vault's for the old one.
      for (const value of values) expect(await openingKeys(value)).toBe(1)
    })

    it("refuses an open case, a missing reason, a coordinator and an outsider, writing nothing", async () => {
      const before = await written()
      const open = await erase(as("administrator"), { reason }, await etag())
      expect(open.status).toBe(422)
      expect(await open.json()).toMatchObject({ field: "caseId", rule: "case.erasure.case-open" })

      const moved = await gateway.request("POST", `${casePath()}/transitions`, {
        token: as("caseManager"),
        body: { command: "close", reason: "goals-met" },
        ifMatch: await etag(),
      })
      expect(moved.status).toBe(200)
      const closed = await written()
      for (const body of [{}, { reason: "   " }]) {
        const refused = await erase(as("administrator"), body, await etag())
        expect(refused.status).toBe(422)
        const problem = await refused.json()
        expect(problem).toMatchObject({ field: "reason", rule: "case.erasure.reason-required" })
        expect(problem.detail).toBe(Catalogue.format(erasureMessages, "sq", "case.erasure.reason-required"))
      }
      const coordinator = await erase(as("coordinator"), { reason }, await etag())
      expect(coordinator.status).toBe(403)
      expect((await coordinator.json()).rule).toBe("policy.erasure.administrator-only")
      expect((await erase(as("auditor"), { reason }, await etag())).status).toBe(404)
      expect((await erase(stranger, { reason }, await etag())).status).toBe(404)
      expect(await written()).toEqual(closed)
      expect(before.keys).toEqual(closed.keys)
    })

    it("the administrator's erasure leaves no key that opens the case, and the statistics still count it", async () => {
      const counted = await casesCounted()
      expect(counted.reduce((sum, group) => sum + group.count, 0)).toBeGreaterThan(0)
      const values = await sealedValues()

      const erased = await erase(as("administrator"), { reason }, await etag())
      const text = await erased.text()
      expect(erased.status, text).toBe(200)
      expect(leaked(text)).toEqual([])
      const body = JSON.parse(text)
      expect(body).toMatchObject({ caseId: caseId(), erasedAt: expect.any(String) })
      expect(erased.headers.get("etag")).toBe(`"${body.version}"`)

      // Every value the case held, now all under its key, which is gone: none unwraps under any key held.
      const after = await sealedValues()
      expect(after).toHaveLength(values.length)
      expect(after.every((value) => value.startsWith("v1.case."))).toBe(true)
      for (const value of after) expect(await openingKeys(value)).toBe(0)
      const key = await query(
        (sql) => sql`SELECT wrapped_key, destroyed_at FROM case_data_keys WHERE case_id = ${caseId()}`,
      )
      expect(key).toEqual([{ wrapped_key: null, destroyed_at: expect.anything() }])
      const indexes = await query(
        (sql) =>
          sql`SELECT personal_number_index FROM persons WHERE case_id = ${caseId()} AND personal_number_index IS NOT NULL`,
      )
      expect(indexes).toEqual([])
      // Not even the vault opens the old value with its own aad.
      const given = await query((sql) => sql`SELECT given_name FROM persons WHERE id = ${victim()}`)
      const opened = await run(
        Effect.flatMap(Vault.Vault, (vault) =>
          Effect.either(vault.open(String(given[0]?.given_name), `person:${victim()}:given-name`)),
        ),
      )
      expect(opened._tag).toBe("Left")

      expect(await casesCounted()).toEqual(counted)
      const verdict = await run(Effect.flatMap(AuditLog.AuditLog, (audit) => audit.verify))
      expect(verdict.ok).toBe(true)
      const entries = await run(Effect.flatMap(AuditLog.AuditLog, (audit) => audit.forCase(caseId() as never)))
      expect(entries.filter((entry) => entry.action === "erase")).toEqual([
        expect.objectContaining({ principalId: principal("administrator", seeded.mechanismId).id, reason }),
      ])
    })

    it("reads the case, and answers its personal data as erased in each language, never a 500", async () => {
      const read = await gateway.request("GET", casePath(), { token: as("caseManager") })
      expect(read.status).toBe(200)
      const aCase = await read.json()
      expect(aCase.erasedAt).toEqual(expect.any(String))
      expect(aCase.persons.length).toBeGreaterThan(0)
      for (const locale of Locale.Locale.literals) {
        for (const [method, path, body] of [
          ["POST", `${casePath()}/persons/${victim()}/details/read`, { purpose: "case-management" }],
          ["GET", `${casePath()}/notes`, undefined],
        ] as const) {
          const refused = await gateway.request(method, path, {
            token: as("caseManager"),
            headers: { "accept-language": locale },
            ...(body === undefined ? {} : { body }),
          })
          expect(refused.status, `${method} ${path}`).toBe(422)
          const problem = await refused.json()
          expect(problem).toMatchObject({ field: "caseId", rule: "case.erased" })
          expect(problem.detail).toBe(Catalogue.format(erasureMessages, locale, "case.erased"))
        }
      }
      const reopen = await gateway.request("POST", `${casePath()}/transitions`, {
        token: as("caseManager"),
        body: { command: "reopen", reason: "new-incident" },
        ifMatch: await etag(),
      })
      expect(reopen.status).toBe(422)
      expect((await reopen.json()).rule).toBe("case.erased")
      const again = await erase(as("administrator"), { reason }, await etag())
      expect(again.status).toBe(422)
      expect((await again.json()).rule).toBe("case.erased")
    })

    it("the retention job erases a closed case past its period in the gateway's round, as the platform", async () => {
      const medium = `/v1/cases/${seeded.cases?.mediumRisk.caseId}`
      const readMedium = () => gateway.request("GET", medium, { token: as("advocate") })
      const closed = await gateway.request("POST", `${medium}/transitions`, {
        token: as("advocate"),
        body: { command: "close", reason: "victim-moved-away" },
        ifMatch: (await readMedium()).headers.get("etag") ?? "",
      })
      expect(closed.status).toBe(200)
      const closedAt = new Date((await closed.json()).closure.closedAt)
      const counted = await casesCounted()
      const erasableFrom = (
        await gateway.runtime.runPromise(
          Effect.map(JurisdictionProfile.CurrentJurisdiction, (profile) => Retention.erasableFrom(closedAt, profile)),
        )
      ).getTime()
      const round = (at: number) => roundAt(gateway, RetentionRunner.eraseDue, at)
      expect(await round(erasableFrom - 86_400_000)).toBe(0)
      expect((await (await readMedium()).json()).erasedAt).toBeUndefined()
      expect(await round(erasableFrom + 60_000)).toBe(1)
      expect((await (await readMedium()).json()).erasedAt).toEqual(expect.any(String))
      const details = await gateway.request(
        "POST",
        `${medium}/persons/${seeded.cases?.mediumRisk.victim}/details/read`,
        // Social work: a sector her consent names.
        { token: as("caseManager"), body: { purpose: "case-management" } },
      )
      expect(await details.json()).toMatchObject({ status: 422, rule: "case.erased" })
      expect(await casesCounted()).toEqual(counted)
      const entries = await run(
        Effect.flatMap(AuditLog.AuditLog, (audit) => audit.forCase(seeded.cases?.mediumRisk.caseId as never)),
      )
      expect(entries.filter((entry) => entry.action === "erase")).toEqual([
        expect.objectContaining({ principalId: Principal.platformId, reason: CaseRetention.reason }),
      ])
      expect((await run(Effect.flatMap(AuditLog.AuditLog, (audit) => audit.verify))).ok).toBe(true)
      expect(await round(erasableFrom + 120_000)).toBe(0)
    })
  })
}
