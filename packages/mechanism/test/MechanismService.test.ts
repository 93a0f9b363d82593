// The use cases on SQLite and PostgreSQL: each command commits its change, its
// outbox event and (for personal data) its audit entry together; each refused
// command names its rule and writes nothing; contacts are stored sealed and
// read only through the audited use case.
import { Errors, type Id, Principal } from "@bashke/kernel"
import { AuditLog } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Exit, Schema, TestClock } from "effect"
import { Mechanism, MechanismService, Mechanisms, Membership } from "../src"
import { administrator, coordinatorPrincipal, databases, services, snapshot, topics } from "./support/Databases"

/** A member representative of `institution` in the mechanism. */
const representativeOf = (mechanismId: Id.MechanismId, institution: Id.InstitutionId): Principal.Principal => ({
  id: "01J9Z3K8V0M6YQ2R7T5W4X1BR1" as Id.PrincipalId,
  kind: "user",
  institution,
  sector: "police",
  roles: ["member-representative"],
  mechanisms: [mechanismId],
})

const name = {
  sq: "Mekanizmi i koordinimit kundër dhunës në familje – Gjilan",
  "sr-Latn": "Mehanizam koordinacije protiv nasilja u porodici – Gnjilane",
  en: "Coordination mechanism against domestic violence – Gjilan",
}
const police = "01J9Z3K8V0M6YQ2R7T5W4X1BK2" as Id.InstitutionId
const social = "01J9Z3K8V0M6YQ2R7T5W4X1BK3" as Id.InstitutionId
const municipalityOffice = "01J9Z3K8V0M6YQ2R7T5W4X1BK1" as Id.InstitutionId
const hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
const contacts = {
  representative: { name: "Arbëreshë Krasniqi", phone: "+383 44 123 456", email: "a.krasniqi@example.org" },
  deputy: { name: "Dragana Petrović" },
}

const start = TestClock.setTime(Date.parse("2026-03-02T09:00:00Z"))

/** A mechanism with a coordinator (the municipality's office), police and social work. */
const founded = (municipality: MechanismService.CreateMechanism["municipality"]) =>
  Effect.gen(function* () {
    yield* start
    const service = yield* MechanismService.MechanismService
    const mechanism = yield* service.create({ municipality, name })
    const asCoordinator = Effect.provideService(Principal.CurrentPrincipal, coordinatorPrincipal(mechanism.id))
    const office = yield* asCoordinator(
      service.addMember({
        mechanismId: mechanism.id,
        institutionId: municipalityOffice,
        sector: "municipality",
        joinedOn: "2026-01-15",
        contacts,
      }),
    )
    const policeMember = yield* asCoordinator(
      service.addMember({
        mechanismId: mechanism.id,
        institutionId: police,
        sector: "police",
        joinedOn: "2026-01-15",
        contacts: { representative: { name: "Ilir Berisha" } },
      }),
    )
    yield* service.appointCoordinator({ mechanismId: mechanism.id, membershipId: office.id })
    return { mechanism, office, policeMember, asCoordinator }
  })

/** Runs `effect`, expects it to fail, and proves no table changed. */
const refusedWithoutWriting = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const before = yield* snapshot
    const exit = yield* Effect.exit(effect)
    expect(Exit.isFailure(exit)).toBe(true)
    expect(yield* snapshot).toEqual(before)
    return yield* Effect.flip(effect)
  })

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: MechanismService`, () => {
    layer(services(db))((it) => {
      it.effect("creates a mechanism with the profile's cadence and quorum, and announces it", () =>
        Effect.gen(function* () {
          yield* start
          const service = yield* MechanismService.MechanismService
          const mechanism = yield* service.create({ municipality: "GJI", name })
          expect(mechanism).toMatchObject({
            municipality: "GJI",
            status: "forming",
            minimumMeetingsPerYear: 4,
            quorum: "more-than-half",
            version: 1,
          })
          expect(mechanism.coordinator).toBeUndefined()
          const read = yield* (yield* Mechanisms.Mechanisms).get(mechanism.id)
          expect(read).toEqual(mechanism)
          expect(Mechanism.name(read, "sr-Cyrl")).toBe("Механизам координације против насиља у породици – Гњилане")
          expect((yield* topics).filter((e) => e.payload.mechanismId === mechanism.id)).toEqual([
            { topic: "mechanism.mechanism.created", payload: { mechanismId: mechanism.id } },
          ])
        }),
      )

      it.effect("refuses bad input by rule and writes nothing", () =>
        Effect.gen(function* () {
          yield* start
          const service = yield* MechanismService.MechanismService
          const rule = (error: { readonly _tag: string; readonly rule?: string }) => error.rule ?? error._tag
          expect(
            rule(
              yield* refusedWithoutWriting(
                service.create({ municipality: "XXX" as MechanismService.CreateMechanism["municipality"], name }),
              ),
            ),
          ).toBe("municipality.unknown")
          expect(
            rule(yield* refusedWithoutWriting(service.create({ municipality: "PRZ", name: { ...name, en: " " } }))),
          ).toBe("mechanism.name.invalid")
          expect(
            rule(
              yield* refusedWithoutWriting(service.create({ municipality: "PRZ", name, minimumMeetingsPerYear: 3 })),
            ),
          ).toBe("mechanism.cadence.below-minimum")
          expect(
            rule(
              yield* refusedWithoutWriting(service.create({ municipality: "PRZ", name, minimumMeetingsPerYear: 4.5 })),
            ),
          ).toBe("mechanism.cadence.out-of-range")
          yield* service.create({ municipality: "PRZ", name })
          const taken = yield* refusedWithoutWriting(service.create({ municipality: "PRZ", name }))
          expect(taken).toBeInstanceOf(Errors.Conflict)
          expect(rule(taken)).toBe("mechanism.municipality.taken")
        }),
      )

      it.effect("adds members with sealed contacts, audited, and lists them without contacts", () =>
        Effect.gen(function* () {
          const { mechanism, office, asCoordinator } = yield* founded("FER")
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const stored = yield* sql<
            Record<string, unknown>
          >`SELECT * FROM mechanism_memberships WHERE id = ${office.id}`
          const raw = JSON.stringify(stored)
          for (const secret of ["Krasniqi", "Petrović", "383", "example.org"]) expect(raw).not.toContain(secret)
          expect(String(stored[0]?.representative_name)).toMatch(/^v1\./)

          const members = yield* (yield* Mechanisms.Mechanisms).members(mechanism.id, "2026-03-02")
          expect(members.map((m) => [m.institutionId, m.sector])).toEqual([
            [municipalityOffice, "municipality"],
            [police, "police"],
          ])
          expect(Object.keys(members[0]!).sort()).toEqual(["id", "institutionId", "joinedOn", "mechanismId", "sector"])
          expect((yield* (yield* Mechanisms.Mechanisms).members(mechanism.id, "2026-01-14")).length).toBe(0)

          const service = yield* MechanismService.MechanismService
          const auditBefore = (yield* (yield* AuditLog.AuditLog).head).seq
          expect(
            yield* asCoordinator(service.readContacts({ mechanismId: mechanism.id, membershipId: office.id })),
          ).toEqual(contacts)
          const audit = yield* AuditLog.AuditLog
          expect((yield* audit.head).seq).toBe(auditBefore + 1)
          expect((yield* audit.verify).ok).toBe(true)

          const events = (yield* topics).filter((e) => e.payload.mechanismId === mechanism.id).map((e) => e.topic)
          expect(events).toEqual([
            "mechanism.mechanism.created",
            "mechanism.membership.added",
            "mechanism.membership.added",
            "mechanism.mechanism.coordinator-appointed",
          ])
          const payloads = JSON.stringify(yield* topics)
          expect(payloads).not.toContain("Krasniqi")
        }),
      )

      it.effect("records every contact write and read in the audit log", () =>
        Effect.gen(function* () {
          const audit = yield* AuditLog.AuditLog
          const before = (yield* audit.head).seq
          const { mechanism, office, asCoordinator } = yield* founded("DRA")
          // Two members added: two writes.
          expect((yield* audit.head).seq).toBe(before + 2)
          const service = yield* MechanismService.MechanismService
          yield* asCoordinator(
            service.replaceContacts({
              mechanismId: mechanism.id,
              membershipId: office.id,
              contacts: { representative: { name: "Teuta Hoxha" } },
            }),
          )
          expect(
            yield* asCoordinator(service.readContacts({ mechanismId: mechanism.id, membershipId: office.id })),
          ).toEqual({ representative: { name: "Teuta Hoxha" } })
          expect((yield* audit.head).seq).toBe(before + 4)
        }),
      )

      it.effect("refuses contacts to a principal outside the mechanism, writing nothing", () =>
        Effect.gen(function* () {
          const { mechanism, office } = yield* founded("KAM")
          const service = yield* MechanismService.MechanismService
          const outsider = { ...coordinatorPrincipal("01J9Z3K8V0M6YQ2R7T5W4X1B00"), roles: ["case-worker" as const] }
          const error = yield* refusedWithoutWriting(
            Effect.provideService(
              service.readContacts({ mechanismId: mechanism.id, membershipId: office.id }),
              Principal.CurrentPrincipal,
              outsider,
            ),
          )
          expect(error).toEqual(
            new Errors.Forbidden({ action: "mechanism.contacts.read", rule: "mechanism.contacts.forbidden" }),
          )
          const asAdmin = Effect.provideService(Principal.CurrentPrincipal, administrator)
          expect(
            (yield* asAdmin(service.readContacts({ mechanismId: mechanism.id, membershipId: office.id })))
              .representative.name,
          ).toBe("Arbëreshë Krasniqi")
        }),
      )

      it.effect("refuses an unknown member, a bad contact and a duplicate membership, writing nothing", () =>
        Effect.gen(function* () {
          const { mechanism, asCoordinator } = yield* founded("GJA")
          const service = yield* MechanismService.MechanismService
          const unknown = "01J9Z3K8V0M6YQ2R7T5W4X1BZZ"
          expect(
            yield* refusedWithoutWriting(service.removeMember({ mechanismId: mechanism.id, membershipId: unknown })),
          ).toEqual(new Errors.NotFound({ entity: "Membership", id: unknown }))
          expect(
            yield* refusedWithoutWriting(
              service.appointCoordinator({ mechanismId: mechanism.id, membershipId: unknown }),
            ),
          ).toEqual(new Errors.NotFound({ entity: "Membership", id: unknown }))
          const badPhone = yield* refusedWithoutWriting(
            asCoordinator(
              service.addMember({
                mechanismId: mechanism.id,
                institutionId: social,
                sector: "social-work",
                contacts: { representative: { name: "Besa Gashi", phone: "call me" } },
              }),
            ),
          )
          expect(badPhone).toEqual(
            new Errors.InvalidInput({
              field: "contacts.representative.phone",
              rule: "mechanism.contact.phone.invalid",
            }),
          )
          // The error carries no part of the value.
          expect(JSON.stringify(badPhone)).not.toContain("call me")
          expect(
            yield* refusedWithoutWriting(
              asCoordinator(
                service.addMember({
                  mechanismId: mechanism.id,
                  institutionId: police,
                  sector: "police",
                  joinedOn: "2026-02-01",
                  contacts,
                }),
              ),
            ),
          ).toEqual(
            new Errors.Conflict({ entity: "Mechanism", id: mechanism.id, rule: "mechanism.membership.duplicate" }),
          )
          expect(
            yield* refusedWithoutWriting(
              asCoordinator(
                service.addMember({
                  mechanismId: "01J9Z3K8V0M6YQ2R7T5W4X1BZY",
                  institutionId: social,
                  sector: "social-work",
                  contacts,
                }),
              ),
            ),
          ).toBeInstanceOf(Errors.Forbidden)
        }),
      )

      it.effect("removes a member from a day on, but never the coordinator", () =>
        Effect.gen(function* () {
          const { mechanism, office, policeMember } = yield* founded("MIT")
          const service = yield* MechanismService.MechanismService
          expect(
            yield* refusedWithoutWriting(service.removeMember({ mechanismId: mechanism.id, membershipId: office.id })),
          ).toEqual(
            new Errors.Conflict({ entity: "Mechanism", id: mechanism.id, rule: "mechanism.coordinator.cannot-leave" }),
          )
          expect(
            yield* refusedWithoutWriting(
              service.removeMember({ mechanismId: mechanism.id, membershipId: policeMember.id, leftOn: "2026-01-01" }),
            ),
          ).toEqual(new Errors.InvalidInput({ field: "leftOn", rule: "mechanism.membership.left-before-joined" }))
          const removed = yield* service.removeMember({ mechanismId: mechanism.id, membershipId: policeMember.id })
          expect(removed.leftOn).toBe("2026-03-02")
          const mechanisms = yield* Mechanisms.Mechanisms
          expect((yield* mechanisms.members(mechanism.id, "2026-03-01")).map((m) => m.id)).toContain(policeMember.id)
          expect((yield* mechanisms.members(mechanism.id, "2026-03-02")).map((m) => m.id)).not.toContain(
            policeMember.id,
          )
          expect(
            yield* refusedWithoutWriting(
              service.removeMember({ mechanismId: mechanism.id, membershipId: policeMember.id }),
            ),
          ).toEqual(
            new Errors.Conflict({
              entity: "Membership",
              id: policeMember.id,
              rule: "mechanism.membership.already-left",
            }),
          )
          const events = (yield* topics).filter((e) => e.payload.membershipId === policeMember.id).map((e) => e.topic)
          expect(events).toEqual(["mechanism.membership.added", "mechanism.membership.removed"])
        }),
      )

      it.effect("publishes, signs, gates isSignatory, activates and reports composition gaps", () =>
        Effect.gen(function* () {
          const { mechanism, policeMember, asCoordinator } = yield* founded("VIT")
          const service = yield* MechanismService.MechanismService
          const mechanisms = yield* Mechanisms.Mechanisms

          // Not ready: no memorandum yet.
          expect(yield* refusedWithoutWriting(service.activate({ mechanismId: mechanism.id }))).toEqual(
            new Errors.Conflict({
              entity: "Mechanism",
              id: mechanism.id,
              rule: "mechanism.activation.memorandum-unsigned",
            }),
          )

          const v1 = yield* service.publishMemorandum({
            mechanismId: mechanism.id,
            effectiveFrom: "2026-02-01",
            documentHash: hash,
            expectedSectors: ["municipality", "police", "social-work"],
          })
          expect(v1.version).toBe(1)
          expect(
            yield* refusedWithoutWriting(
              service.publishMemorandum({
                mechanismId: mechanism.id,
                effectiveFrom: "2026-02-01",
                documentHash: hash,
                expectedSectors: ["police"],
              }),
            ),
          ).toEqual(
            new Errors.InvalidInput({
              field: "effectiveFrom",
              rule: "mechanism.memorandum.effective-not-after-previous",
            }),
          )
          expect(
            yield* refusedWithoutWriting(
              service.publishMemorandum({
                mechanismId: mechanism.id,
                effectiveFrom: "2026-04-01",
                documentHash: "not-a-hash",
                expectedSectors: ["police"],
              }),
            ),
          ).toEqual(new Errors.InvalidInput({ field: "documentHash", rule: "mechanism.memorandum.hash.malformed" }))
          expect(
            yield* refusedWithoutWriting(
              service.publishMemorandum({
                mechanismId: mechanism.id,
                effectiveFrom: "2026-04-01",
                documentHash: hash,
                expectedSectors: ["police", "police"],
              }),
            ),
          ).toEqual(
            new Errors.InvalidInput({ field: "expectedSectors", rule: "mechanism.memorandum.sectors.duplicate" }),
          )

          // Social work is not a member: it cannot sign.
          expect(
            yield* refusedWithoutWriting(
              asCoordinator(
                service.signMemorandum({
                  mechanismId: mechanism.id,
                  memorandumId: v1.memorandumId,
                  version: 1,
                  institutionId: social,
                  signer: "Besa Gashi",
                }),
              ),
            ),
          ).toEqual(new Errors.InvalidInput({ field: "institutionId", rule: "mechanism.memorandum.signer-not-member" }))

          const signed = yield* asCoordinator(
            service.signMemorandum({
              mechanismId: mechanism.id,
              memorandumId: v1.memorandumId,
              version: 1,
              institutionId: police,
              signer: "Ilir Berisha",
              signedOn: "2026-02-10",
            }),
          )
          expect(signed.signatures).toEqual([
            { membershipId: policeMember.id, institutionId: police, signedOn: "2026-02-10" },
          ])
          // Recorded, not yet countersigned: the police is no signatory, and the mechanism cannot start.
          expect(yield* mechanisms.isSignatory(mechanism.id, police, "2026-02-10")).toBe(false)
          expect(yield* mechanisms.signatories(mechanism.id, "2026-03-02")).toEqual([])
          expect(yield* refusedWithoutWriting(service.activate({ mechanismId: mechanism.id }))).toMatchObject({
            rule: "mechanism.activation.memorandum-unsigned",
          })
          // Only the coordinator or an administrator countersigns; the police's own representative may not.
          const countersign = {
            mechanismId: mechanism.id,
            memorandumId: v1.memorandumId,
            version: 1,
            institutionId: police,
            countersignedOn: "2026-02-10",
          }
          expect(
            yield* refusedWithoutWriting(
              service
                .countersignMemorandum(countersign)
                .pipe(Effect.provideService(Principal.CurrentPrincipal, representativeOf(mechanism.id, police))),
            ),
          ).toEqual(
            new Errors.Forbidden({
              action: "mechanism.memorandum.countersign",
              rule: "mechanism.memorandum.countersigner-required",
            }),
          )
          expect(
            yield* refusedWithoutWriting(
              asCoordinator(service.countersignMemorandum({ ...countersign, countersignedOn: "2026-02-09" })),
            ),
          ).toEqual(
            new Errors.InvalidInput({
              field: "countersignedOn",
              rule: "mechanism.memorandum.countersigned-before-signed",
            }),
          )
          const countersigned = yield* asCoordinator(service.countersignMemorandum(countersign))
          expect(countersigned.signatures).toEqual([
            {
              membershipId: policeMember.id,
              institutionId: police,
              signedOn: "2026-02-10",
              countersignature: {
                countersignedOn: "2026-02-10",
                countersignedBy: coordinatorPrincipal(mechanism.id).id,
              },
            },
          ])
          expect((yield* mechanisms.memoranda(mechanism.id))[0]?.signatures).toEqual(countersigned.signatures)
          expect(yield* refusedWithoutWriting(asCoordinator(service.countersignMemorandum(countersign)))).toEqual(
            new Errors.Conflict({
              entity: "MemorandumSignature",
              id: `${v1.memorandumId}/1/${police}`,
              rule: "mechanism.memorandum.already-countersigned",
            }),
          )
          expect(
            yield* refusedWithoutWriting(
              asCoordinator(
                service.signMemorandum({
                  mechanismId: mechanism.id,
                  memorandumId: v1.memorandumId,
                  version: 1,
                  institutionId: police,
                  signer: "Ilir Berisha",
                }),
              ),
            ),
          ).toEqual(
            new Errors.Conflict({
              entity: "MemorandumVersion",
              id: `${v1.memorandumId}/1`,
              rule: "mechanism.memorandum.already-signed",
            }),
          )
          expect(
            yield* asCoordinator(
              service.readSigner({
                mechanismId: mechanism.id,
                memorandumId: v1.memorandumId,
                version: 1,
                institutionId: police,
              }),
            ),
          ).toBe("Ilir Berisha")

          expect(yield* mechanisms.isSignatory(mechanism.id, police, "2026-02-10")).toBe(true)
          expect(yield* mechanisms.isSignatory(mechanism.id, police, "2026-02-09")).toBe(false)
          expect(yield* mechanisms.isSignatory(mechanism.id, municipalityOffice, "2026-02-10")).toBe(false)
          // An instant is read in the jurisdiction's zone: 23:30 UTC on the 9th is the 10th in Prishtina.
          expect(yield* mechanisms.isSignatory(mechanism.id, police, new Date("2026-02-09T23:30:00Z"))).toBe(true)
          expect(yield* mechanisms.signatories(mechanism.id, "2026-03-02")).toEqual([police])

          expect(yield* service.compositionGaps(mechanism.id, "2026-03-02")).toEqual({
            day: "2026-03-02",
            memorandumId: v1.memorandumId,
            version: 1,
            expectedSectors: ["municipality", "police", "social-work"],
            gaps: ["municipality", "social-work"],
          })
          expect(yield* service.compositionGaps(mechanism.id, "2026-01-31")).toEqual({
            day: "2026-01-31",
            expectedSectors: [],
            gaps: [],
          })

          const active = yield* service.activate({ mechanismId: mechanism.id })
          expect(active.status).toBe("active")
          expect(yield* refusedWithoutWriting(service.activate({ mechanismId: mechanism.id }))).toEqual(
            new Errors.InvalidTransition({ entity: "Mechanism", from: "active", command: "activate" }),
          )

          // A new version supersedes from its day; police's signature of version 1 no longer counts then.
          const v2 = yield* service.publishMemorandum({
            mechanismId: mechanism.id,
            effectiveFrom: "2026-04-01",
            documentHash: hash,
            expectedSectors: ["police"],
          })
          expect([v2.version, v2.memorandumId]).toEqual([2, v1.memorandumId])
          expect(yield* mechanisms.isSignatory(mechanism.id, police, "2026-03-31")).toBe(true)
          expect(yield* mechanisms.isSignatory(mechanism.id, police, "2026-04-01")).toBe(false)
          expect((yield* mechanisms.memoranda(mechanism.id)).map((v) => v.version)).toEqual([1, 2])

          const events = (yield* topics).filter((e) => e.payload.mechanismId === mechanism.id).map((e) => e.topic)
          expect(events.slice(4)).toEqual([
            "mechanism.memorandum.published",
            "mechanism.memorandum.signed",
            "mechanism.memorandum.countersigned",
            "mechanism.mechanism.activated",
            "mechanism.memorandum.published",
          ])
        }),
      )

      it.effect("suspends and resumes; stale versions are refused and change nothing", () =>
        Effect.gen(function* () {
          const { mechanism, asCoordinator } = yield* founded("PEJ")
          const service = yield* MechanismService.MechanismService
          const v1 = yield* service.publishMemorandum({
            mechanismId: mechanism.id,
            effectiveFrom: "2026-02-01",
            documentHash: hash,
            expectedSectors: ["police"],
          })
          yield* asCoordinator(
            service.signMemorandum({
              mechanismId: mechanism.id,
              memorandumId: v1.memorandumId,
              version: 1,
              institutionId: police,
              signer: "Ilir Berisha",
            }),
          )
          yield* asCoordinator(
            service.countersignMemorandum({
              mechanismId: mechanism.id,
              memorandumId: v1.memorandumId,
              version: 1,
              institutionId: police,
            }),
          )
          const active = yield* service.activate({ mechanismId: mechanism.id })
          const stale = yield* refusedWithoutWriting(
            service.suspend({ mechanismId: mechanism.id, expectedVersion: active.version - 1 }),
          )
          expect(stale).toMatchObject({ _tag: "Conflict", rule: "version.stale", actualVersion: active.version })
          const suspended = yield* service.suspend({ mechanismId: mechanism.id, expectedVersion: active.version })
          expect([suspended.status, suspended.version]).toEqual(["suspended", active.version + 1])
          const resumed = yield* service.resume({ mechanismId: mechanism.id })
          expect(resumed.status).toBe("active")

          const configured = yield* service.configure({
            mechanismId: mechanism.id,
            minimumMeetingsPerYear: 6,
            quorum: "two-thirds",
          })
          expect([configured.minimumMeetingsPerYear, configured.quorum]).toEqual([6, "two-thirds"])
          expect(Mechanism.quorumMet(configured, 2, 3)).toBe(true)
          expect(Mechanism.quorumSize(configured, 4)).toBe(3)
          expect(yield* (yield* Mechanisms.Mechanisms).get(mechanism.id)).toEqual(configured)
        }),
      )

      it.effect("keeps published versions and signatures immutable in the database", () =>
        Effect.gen(function* () {
          const { mechanism } = yield* founded("SHT")
          const service = yield* MechanismService.MechanismService
          yield* service.publishMemorandum({
            mechanismId: mechanism.id,
            effectiveFrom: "2026-02-01",
            documentHash: hash,
            expectedSectors: ["police"],
          })
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const update = yield* Effect.exit(
            sql`UPDATE mechanism_memorandum_versions SET document_hash = ${"0".repeat(64)}`,
          )
          expect(Exit.isFailure(update)).toBe(true)
          const remove = yield* Effect.exit(sql`DELETE FROM mechanism_memorandum_versions`)
          expect(Exit.isFailure(remove)).toBe(true)
          const versions = yield* (yield* Mechanisms.Mechanisms).memoranda(mechanism.id)
          expect(versions.map((v) => v.documentHash)).toEqual([hash])
        }),
      )

      it.effect("returns NotFound for an unknown mechanism; isSignatory is simply false", () =>
        Effect.gen(function* () {
          const mechanisms = yield* Mechanisms.Mechanisms
          const unknown = "01J9Z3K8V0M6YQ2R7T5W4X1BZX" as Id.MechanismId
          expect(yield* Effect.flip(mechanisms.get(unknown))).toEqual(
            new Errors.NotFound({ entity: "Mechanism", id: unknown }),
          )
          expect(yield* Effect.flip(mechanisms.members(unknown, "2026-01-01"))).toBeInstanceOf(Errors.NotFound)
          expect(yield* mechanisms.isSignatory(unknown, police, "2026-01-01")).toBe(false)
          expect(Schema.is(Membership.Membership)({})).toBe(false)
        }),
      )
    })
  })
}
