// The retention job on both dialects, with time from the TestClock: a case
// closed longer than the profile's retention period is erased by destroying
// its data key (its personal data no longer opens, its rows stay, the audit
// log gets an `erase` entry and the outbox `case.case.erased`); a case closed
// later, still inside its period, is left as it was; an open case is never
// erased. A second round finds nothing more to do.
import { JurisdictionProfile, Principal } from "@bashke/kernel"
import { AuditLog } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Layer, Option, TestClock } from "effect"
import type * as Case from "../../src/Case"
import { CaseRepository } from "../../src/CaseRepository"
import * as CaseRetention from "../../src/CaseRetention"
import { CaseService } from "../../src/CaseService"
import type * as Document from "../../src/Document"
import { DocumentRepository } from "../../src/DocumentRepository"
import * as PersonalData from "../../src/PersonalData"
import * as Retention from "../../src/Retention"
import * as SqlDocumentRepository from "../../src/SqlDocumentRepository"
import { databases, mechanismId, outbox, principals, services, start, ulid } from "./support/Databases"
import { seedCases } from "./support/Seed"

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)
const { officer } = principals
const day = 86_400_000

const openCase = (index: number) =>
  Effect.flatMap(CaseService, (cases) =>
    as(officer)(cases.openCase({ mechanismId, municipality: "GJI", persons: seedCases[index] ?? [] })),
  )

const close = (aCase: Case.Case) =>
  Effect.flatMap(CaseService, (cases) =>
    as(officer)(
      cases.transition({ caseId: aCase.id, command: "close", reason: "goals-met", expectedVersion: aCase.version }),
    ),
  )

const reread = (aCase: Case.Case) =>
  Effect.flatMap(CaseRepository, (cases) => cases.find(aCase.id)).pipe(Effect.map(Option.getOrThrow))

// Opens the victim's details as the case team would: fails (a defect) once the key is gone.
const victimDetails = (aCase: Case.Case) =>
  Effect.gen(function* () {
    const victim = aCase.persons.find((person) => person.role === "victim")
    if (victim === undefined) throw new Error("the seeded case has a victim")
    const sealed = yield* Effect.flatMap(CaseRepository, (cases) => cases.sealedDetails(aCase.id, victim.id))
    const personal = yield* PersonalData.PersonalData
    return yield* personal.read(
      { principal: officer, mechanismId, caseId: aCase.id, personId: victim.id, purpose: "case-management" },
      sealed,
    )
  })

// A document's record as the documents' use case stores it: its name and data key sealed under the case's key.
const attachDocument = (aCase: Case.Case) =>
  Effect.flatMap(DocumentRepository, (documents) =>
    documents.insert({
      document: {
        id: ulid(90) as Document.DocumentId,
        caseId: aCase.id,
        attachedTo: { _tag: "case" },
        kind: "medical-report",
        name: "medical-report-arta.pdf",
        mediaType: "application/pdf",
        size: 1024,
        institution: officer.institution as never,
        uploadedBy: officer.id,
        uploadedAt: aCase.openedAt,
      },
      chunkCount: 1,
      dataKey: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
    }),
  )
const findDocument = (aCase: Case.Case) =>
  Effect.flatMap(DocumentRepository, (documents) => documents.find(aCase.id, ulid(90) as Document.DocumentId))

const keyRow = (caseId: string) =>
  Effect.flatMap(
    SqlClient.SqlClient,
    (client) =>
      client.withoutTransforms()<{
        wrapped_key: string | null
        destroyed_at: unknown
      }>`SELECT wrapped_key, destroyed_at FROM case_data_keys
      WHERE case_id = ${caseId}`,
  ).pipe(Effect.map((rows) => rows[0]))

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the retention job`, () => {
    layer(Layer.provideMerge(SqlDocumentRepository.layer, services(db)))((it) => {
      it.effect("erases a case closed longer than its period, not one inside it nor an open one", () =>
        Effect.gen(function* () {
          yield* start
          const opened = yield* openCase(0)
          yield* attachDocument(opened)
          const early = yield* close(yield* reread(opened))
          const stillOpen = yield* openCase(2)
          // A year later, another case is closed.
          yield* TestClock.adjust(365 * day)
          const late = yield* close(yield* openCase(1))
          expect(Option.isSome(Option.fromNullable((yield* victimDetails(early)).givenName))).toBe(true)
          expect(Option.getOrThrow(yield* findDocument(early)).document.name).toBe("medical-report-arta.pdf")
          const closedAt = early.closure?.closedAt
          if (closedAt === undefined) throw new Error("closed")
          const erasableFrom = Retention.erasableFrom(closedAt, yield* JurisdictionProfile.CurrentJurisdiction)

          // A minute before the early case's period ends: nothing is erased.
          yield* TestClock.setTime(erasableFrom.getTime() - 60_000)
          expect(yield* CaseRetention.eraseDue).toBe(0)
          expect((yield* reread(early)).erasedAt).toBeUndefined()

          // At its end: the early case is erased, the later one and the open one are not.
          yield* TestClock.setTime(erasableFrom.getTime())
          const before = (yield* outbox).length
          expect(yield* CaseRetention.eraseDue).toBe(1)
          const erased = yield* reread(early)
          expect(erased.erasedAt).toEqual(erasableFrom)
          expect(erased.status).toBe("closed")
          expect(erased.persons).toEqual(early.persons)
          expect((yield* reread(late)).erasedAt).toBeUndefined()
          expect((yield* reread(stillOpen)).erasedAt).toBeUndefined()
          const key = yield* keyRow(early.id)
          expect(key?.wrapped_key).toBeNull()
          expect(key?.destroyed_at).not.toBeNull()
          expect((yield* keyRow(late.id))?.wrapped_key).toEqual(expect.any(String))
          // Her details no longer open; the later case's still do.
          expect(yield* Effect.exit(victimDetails(erased))).toMatchObject({ _tag: "Failure" })
          expect((yield* victimDetails(late)).givenName).toEqual(expect.any(String))
          // The document's name and data key (and so its content) went with the key.
          expect(yield* Effect.exit(findDocument(erased))).toMatchObject({ _tag: "Failure" })
          // Announced and audited, by the platform, with ids only; the chain still verifies.
          expect((yield* outbox).slice(before)).toEqual([
            {
              topic: "case.case.erased",
              payload: {
                caseId: early.id,
                mechanismId,
                principalId: Principal.platformId,
                automatic: true,
                erasedAt: erasableFrom.toISOString(),
              },
            },
          ])
          const audit = yield* AuditLog.AuditLog
          const entries = yield* audit.forCase(early.id)
          expect(entries.filter((entry) => entry.action === "erase")).toEqual([
            expect.objectContaining({ principalId: Principal.platformId, reason: CaseRetention.reason }),
          ])
          expect((yield* audit.verify).ok).toBe(true)
          // Nothing more to do in the next round.
          expect(yield* CaseRetention.eraseDue).toBe(0)
        }),
      )
    })
  })
}
