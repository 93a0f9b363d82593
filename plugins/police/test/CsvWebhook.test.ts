// CSV files on the signed webhook: each row becomes an inbox record, then an
// incident or a dead letter.
import { TestHost } from "@bashke/plugin-sdk/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Csv, PoliceCsv } from "../src/index"
import * as FakePolice from "./support/FakePolice"
import { config, matchVictims } from "./support/Harness"

const row = (n: number, overrides: Partial<Record<PoliceCsv.Column, string>> = {}) => {
  const cells: Record<PoliceCsv.Column, string> = {
    report_id: `PK-${String(n).padStart(7, "0")}`,
    reported_at: "2026-02-01T21:14:00Z",
    occurred_on: "2026-02-01",
    municipality: "GJI",
    forms: "physical;psychological",
    children: "witnessed",
    place: "home",
    report_number: `GJI/2026/${n}`,
    victim_personal_number: String(1_000_000_000 + n),
    victim_given_name: 'Arta "Ari", e vogla',
    victim_family_name: "Krasniqi",
    victim_birth_date: "1990-04-12",
    victim_sex: "female",
    perpetrator_personal_number: "",
    perpetrator_given_name: "Blerim\nKrasniqi",
    perpetrator_family_name: "",
    perpetrator_birth_date: "",
    perpetrator_sex: "male",
    perpetrator_relationship: "married",
    ...overrides,
  }
  return PoliceCsv.columns.map((column) => cells[column])
}

const file = (rows: ReadonlyArray<ReadonlyArray<string>>) => Csv.format([[...PoliceCsv.columns], ...rows])

const start = Effect.gen(function* () {
  return yield* TestHost.make(plugin, {
    config: config(yield* FakePolice.down),
    answers: { match: matchVictims },
  })
})

import plugin from "../src/index"

describe("the CSV webhook", () => {
  it.scoped("a good file: every row becomes one incident, quoted commas and line breaks included", () =>
    Effect.gen(function* () {
      const test = yield* start
      const body = file([row(1), row(2), row(3)])
      const answer = yield* test.webhook("POST", "/reports/csv", undefined, {
        rawBody: body,
        headers: { "content-type": "text/csv" },
      })
      expect(answer).toMatchObject({ status: 202, body: { accepted: 3, rejected: [] } })
      // The same file again: nothing new.
      yield* test.webhook("POST", "/reports/csv", undefined, { rawBody: body })
      expect(yield* test.process).toMatchObject({ succeeded: 3, dead: 0 })
      expect(test.recorded.incidents.map((entry) => entry.incident.recordId)).toEqual([
        "PK-0000001",
        "PK-0000002",
        "PK-0000003",
      ])
      expect(test.recorded.matches[0]?.query).toEqual({
        personalNumber: "1000000001",
        givenName: 'Arta "Ari", e vogla',
        familyName: "Krasniqi",
        birthDate: "1990-04-12",
      })
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a bad signature is refused and stores nothing", () =>
    Effect.gen(function* () {
      const test = yield* start
      const body = file([row(1)])
      const wrong = yield* test.webhook("POST", "/reports/csv", undefined, {
        rawBody: body,
        secret: "not-the-secret-0123456789",
      })
      const tampered = yield* test.webhook("POST", "/reports/csv", undefined, {
        rawBody: body,
        signedBody: file([row(2)]),
      })
      const unsigned = yield* test.webhook("POST", "/reports/csv", undefined, { rawBody: body, unsigned: true })
      expect([wrong.status, tampered.status, unsigned.status]).toEqual([401, 401, 401])
      expect(yield* test.inbox).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("malformed rows: dead letters naming the field, or rejected by line when they have no id", () =>
    Effect.gen(function* () {
      const test = yield* start
      const short = row(3).slice(0, 5)
      const body = file([row(1), row(2, { victim_birth_date: "12.04.1990" }), short, row(4, { report_id: "" }), row(1)])
      const answer = yield* test.webhook("POST", "/reports/csv", undefined, { rawBody: body })
      expect(answer).toMatchObject({
        status: 202,
        body: {
          accepted: 3,
          rejected: [
            // Physical lines: each full row spans two (a name with a line break).
            { line: 7, code: "report-id.invalid" },
            { line: 9, code: "report-id.repeated" },
          ],
        },
      })
      expect(yield* test.process).toMatchObject({ succeeded: 1, dead: 2 })
      const letters = yield* test.deadLetters
      expect(letters.map((letter) => [letter._tag === "DeadRecord" && letter.recordId, letter.lastError])).toEqual([
        ["PK-0000002", "record.malformed:victim.birth-date"],
        ["PK-0000003", "record.malformed:csv-columns"],
      ])
      expect(JSON.stringify(letters)).not.toContain("12.04.1990")
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a file that is not CSV, or lacks columns, is refused as a whole", () =>
    Effect.gen(function* () {
      const test = yield* start
      const open = yield* test.webhook("POST", "/reports/csv", undefined, { rawBody: `${file([row(1)])}\r\n"open` })
      const missing = yield* test.webhook("POST", "/reports/csv", undefined, { rawBody: "report_id,forms\r\nPK-1,x" })
      const unknown = yield* test.webhook("POST", "/reports/csv", undefined, {
        rawBody: "report_id,Arta Krasniqi\r\nPK-1,x",
      })
      const repeated = yield* test.webhook("POST", "/reports/csv", undefined, {
        rawBody: `${PoliceCsv.columns.join(",")},forms\r\n`,
      })
      expect(repeated).toMatchObject({
        status: 400,
        body: { rule: "police.csv.header-repeated-columns", columns: ["forms"] },
      })
      expect(open).toMatchObject({ status: 400, body: { rule: "police.csv.csv-malformed", line: 4 } })
      expect(missing).toMatchObject({
        status: 400,
        body: { rule: "police.csv.header-missing-columns", columns: ["reported_at", "occurred_on", "municipality"] },
      })
      expect(unknown).toMatchObject({
        status: 400,
        body: { rule: "police.csv.header-unknown-columns", columns: ["#2"] },
      })
      expect(JSON.stringify(unknown.body)).not.toContain("Arta")
      expect(yield* test.inbox).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )
})
