// The service's two entries to each use case: a method decodes the encoded
// command; `decoded` takes the command its schema decoded (the gateway's, once
// per request). Both run the same steps, so they answer and refuse alike —
// including the one part of a decoded command its schema never saw: the
// version, read from `If-Match` beside the decoded body.
import { Principal } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Exit, Schema } from "effect"
import * as CaseCommands from "../../src/CaseCommands"
import { CaseService } from "../../src/CaseService"
import { databases, institutions, mechanismId, principals, services, snapshot, start } from "./support/Databases"
import { seedCases } from "./support/Seed"

const as = Effect.provideService(Principal.CurrentPrincipal, principals.officer)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: CaseService's decoded entries`, () => {
    layer(services(db))((it) => {
      it.effect("answer as the methods, and refuse a version the schema refuses without writing", () =>
        Effect.gen(function* () {
          yield* start
          const cases = yield* CaseService
          const opening = Schema.decodeUnknownSync(CaseCommands.OpenCase)({
            mechanismId,
            municipality: "GJI",
            persons: seedCases[0] ?? [],
          })
          const aCase = yield* as(cases.decoded.openCase(opening))
          expect(aCase.version).toBe(1)
          expect(yield* as(cases.decoded.read({ caseId: aCase.id }))).toEqual(
            yield* as(cases.read({ caseId: aCase.id })),
          )

          const measure: CaseCommands.AddMeasure = {
            caseId: aCase.id,
            kind: "police-patrols",
            owner: institutions.police,
            reviewOn: "2026-03-20",
          }
          const added = yield* as(cases.decoded.addMeasure(Schema.decodeUnknownSync(CaseCommands.AddMeasure)(measure)))
          expect(added).toMatchObject({ kind: "police-patrols", owner: institutions.police, status: "open" })

          // `If-Match: "0"` is a well-formed ETag, but no version a command may name.
          const before = yield* snapshot
          const zero = { ...Schema.decodeUnknownSync(CaseCommands.AddMeasure)(measure), expectedVersion: 0 }
          const viaDecoded = yield* Effect.exit(as(cases.decoded.addMeasure(zero)))
          const viaMethod = yield* Effect.exit(as(cases.addMeasure({ ...measure, expectedVersion: 0 })))
          expect(viaDecoded).toEqual(viaMethod)
          expect(Exit.isFailure(viaDecoded) && JSON.stringify(viaDecoded.cause)).toContain('"field":"expectedVersion"')
          expect(JSON.stringify(viaDecoded)).toContain("case.input.invalid")
          expect(yield* snapshot).toEqual(before)

          // A stale version: the same conflict through either entry.
          const stale = yield* Effect.exit(as(cases.decoded.addMeasure({ ...zero, expectedVersion: 1 })))
          expect(stale).toEqual(yield* Effect.exit(as(cases.addMeasure({ ...measure, expectedVersion: 1 }))))
          expect(JSON.stringify(stale)).toContain("Conflict")
        }),
      )
    })
  })
}
