// Case notes through HTTP, on SQLite and PostgreSQL: each reader sees only
// what the note's visibility allows, every note shown is an audit entry, a
// correction is a new version that keeps the old one (and is refused without
// a reason, naming the field, writing nothing), a stale correction is a 412,
// and neither the text nor a reason is anywhere in the raw database (the
// answers kept for retried requests included: a write answers with a receipt).
import { RawStorage } from "@bashke/persistence/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts, outboxPayloads } from "../support/Rows"

const written = ["case_notes", "audit_log", "bashke_outbox"]

const texts = {
  team: "Spoke with Drita Krasniqi at the shelter; she wants the children to stay at school in Gjilan.",
  full: "Her brother Besnik keeps a hunting rifle at Rruga e Dëshmorëve 14; the police were told.",
  own: "Police patrol log: the suspect's car seen outside her workplace at 22:10 on Tuesday.",
  corrected: "Her brother Besnik keeps a hunting rifle at Rruga e Dëshmorëve 41; the police were told.",
  reason: "The house number was 41, not 14: checked against the police report of Monday.",
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: case notes`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string
    const ids: Record<keyof typeof texts, string> = { team: "", full: "", own: "", corrected: "", reason: "" }

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["policeOfficer", "nurse", "caseManager", "shelterWorker", "teacher", "coordinator"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const notes = () => `/v1/cases/${seeded.cases?.highRisk.caseId}/notes`
    const write = async (who: PersonName, text: string, visibility: string) => {
      const response = await gateway.request("POST", notes(), { token: as(who), body: { text, visibility } })
      expect(response.status).toBe(201)
      expect(response.headers.get("etag")).toBe('"1"')
      return (await response.json()) as { id: string; version: number; institution: string }
    }
    const listAs = async (who: PersonName) => {
      const response = await gateway.request("GET", notes(), { token: as(who) })
      expect(response.status).toBe(200)
      return ((await response.json()) as { items: Array<{ id: string; text: string; version: number }> }).items
    }

    it("writes notes of each visibility; the outbox event carries ids, never the text", async () => {
      const before = await counts(gateway, written)
      ids.team = (await write("caseManager", texts.team, "team")).id
      ids.full = (await write("caseManager", texts.full, "full-access")).id
      const own = await write("policeOfficer", texts.own, "institution")
      ids.own = own.id
      expect(own).toMatchObject({ version: 1, institution: institutions.police.id })
      const after = await counts(gateway, written)
      expect(after.case_notes).toBe((before.case_notes ?? 0) + 3)
      expect(after.audit_log).toBe((before.audit_log ?? 0) + 3)
      const events = await outboxPayloads(gateway, "case.note.written")
      expect(events.map((event) => event.noteId)).toEqual([ids.team, ids.full, ids.own])
      expect(JSON.stringify(events)).not.toContain("Besnik")
    })

    it("each reader sees what the visibility allows, and every note shown is audited", async () => {
      const seen = async (who: PersonName) => (await listAs(who)).map((note) => note.id)
      const audited = async (who: PersonName) => {
        const before = (await counts(gateway, ["audit_log"])).audit_log ?? 0
        const shown = await seen(who)
        expect((await counts(gateway, ["audit_log"])).audit_log).toBe(before + shown.length)
        return shown
      }
      // The police: full access and their own institution's note.
      expect(await audited("policeOfficer")).toEqual([ids.team, ids.full, ids.own])
      // Social work: full access, not the police's own note.
      expect(await audited("caseManager")).toEqual([ids.team, ids.full])
      // Health, summary access: the whole team's note only.
      expect(await audited("nurse")).toEqual([ids.team])
      expect((await listAs("nurse"))[0]?.text).toBe(texts.team)
      // Off the team: refused, nothing read.
      const before = await counts(gateway, written)
      for (const who of ["teacher", "coordinator"] as const) {
        const refused = await gateway.request("GET", notes(), { token: as(who) })
        expect(refused.status).toBe(403)
        expect(await refused.text()).not.toContain("Besnik")
      }
      // A note a reader may not see: its history is not found, not forbidden.
      const hidden = await gateway.request("GET", `${notes()}/${ids.full}/versions`, { token: as("nurse") })
      expect(hidden.status).toBe(404)
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("pages by note id with a cursor", async () => {
      const first = await gateway.request("GET", `${notes()}?limit=2`, { token: as("policeOfficer") })
      const page = (await first.json()) as { items: Array<{ id: string }>; next: string | null }
      expect(page.items.map((note) => note.id)).toEqual([ids.team, ids.full])
      expect(page.next).not.toBeNull()
      const second = await gateway.request("GET", `${notes()}?limit=2&after=${page.next}`, {
        token: as("policeOfficer"),
      })
      expect(await second.json()).toMatchObject({ items: [{ id: ids.own }], next: null })
    })

    it("a correction without a reason is refused naming the field, and writes nothing", async () => {
      const before = await counts(gateway, written)
      for (const body of [{ text: texts.corrected }, { text: texts.corrected, reason: "   " }]) {
        const refused = await gateway.request("POST", `${notes()}/${ids.full}/corrections`, {
          token: as("caseManager"),
          body,
          ifMatch: '"1"',
        })
        expect(refused.status).toBe(422)
        const problem = await refused.json()
        expect(problem.field).toBe("reason")
        expect(JSON.stringify(problem)).not.toContain("Besnik")
      }
      const blank = await gateway.request("POST", `${notes()}/${ids.full}/corrections`, {
        token: as("caseManager"),
        body: { text: " ", reason: texts.reason },
        ifMatch: '"1"',
      })
      expect(await blank.json()).toMatchObject({ status: 422, field: "text", rule: "case.note.text.required" })
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("a correction is a new version; the old one stays in the history, with who, when and why", async () => {
      const notTheirs = await gateway.request("POST", `${notes()}/${ids.full}/corrections`, {
        token: as("policeOfficer"),
        body: { text: texts.corrected, reason: texts.reason },
        ifMatch: '"1"',
      })
      expect(notTheirs.status).toBe(403)
      expect((await notTheirs.json()).rule).toBe("case.note.correct.institution-only")

      const corrected = await gateway.request("POST", `${notes()}/${ids.full}/corrections`, {
        token: as("caseManager"),
        body: { text: texts.corrected, reason: texts.reason },
        ifMatch: '"1"',
      })
      expect(corrected.status).toBe(201)
      expect(corrected.headers.get("etag")).toBe('"2"')
      const receipt = await corrected.json()
      expect(receipt).toMatchObject({ id: ids.full, version: 2, visibility: "full-access" })
      // The answer (kept for retries) carries neither the text nor the reason.
      expect(receipt.text).toBeUndefined()
      expect(receipt.reason).toBeUndefined()

      const stale = await gateway.request("POST", `${notes()}/${ids.full}/corrections`, {
        token: as("caseManager"),
        body: { text: texts.full, reason: "Back to the first text, which someone else had corrected." },
        ifMatch: '"1"',
      })
      expect(stale.status).toBe(412)

      const history = await gateway.request("GET", `${notes()}/${ids.full}/versions`, { token: as("shelterWorker") })
      expect(history.status).toBe(200)
      const versions = await history.json()
      expect(versions).toMatchObject([
        { version: 1, text: texts.full, writtenBy: principal("caseManager", seeded.mechanismId).id },
        { version: 2, text: texts.corrected, reason: texts.reason },
      ])
      expect(versions[0].reason).toBeUndefined()
      // The list shows the latest version only.
      const listed = (await listAs("caseManager")).find((note) => note.id === ids.full)
      expect(listed).toMatchObject({ version: 2, text: texts.corrected })
      expect((await outboxPayloads(gateway, "case.note.corrected")).at(-1)).toMatchObject({
        noteId: ids.full,
        version: 2,
      })
    })

    it("leaves no text and no reason in the raw database", async () => {
      const storage = await gateway.runtime.runPromise(RawStorage.read)
      expect(storage.size).toBeGreaterThan(0)
      expect(RawStorage.found(storage, Object.values(texts))).toEqual([])
    })
  })
}
