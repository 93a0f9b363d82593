// Administering people over SQLite and PostgreSQL, as the current principal:
// listing a mechanism's people (coordinator: their own; administrator: any,
// or everyone), changing a person's roles (audited with who did it, every
// session of theirs ended, stale versions and roles beyond the actor's reach
// refused), a person's sign-in history, and a person's own sessions and
// signing out everywhere. Whose people a principal may list is a rule,
// property-tested.
import { Errors, Id, Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, it, layer } from "@effect/vitest"
import { Duration, Effect, Either, FastCheck as fc, Option, TestClock } from "effect"
import {
  ChangeRoles,
  type Grants,
  ListPeople,
  MySessions,
  People,
  Sessions,
  SignIn,
  SignInHistory,
  SignInLinks,
  SignOutEverywhere,
} from "../src"
import { databases, services } from "./support/Databases"

const social = "01J9Z3K8V0M6YQ2R7T5W4X1DK1" as Id.InstitutionId
const platform = Principal.platformId
let count = 0

const add = (grants: ReadonlyArray<Grants.Grant>, institution: Id.InstitutionId | undefined = social) =>
  Effect.gen(function* () {
    count += 1
    return yield* (yield* People.People).add(
      {
        displayName: `Arta Kelmendi ${count}`,
        email: `arta.kelmendi.${count}@admin.example`,
        language: "sq",
        ...(institution === undefined ? {} : { institution, sector: "social-work" as const }),
      },
      grants,
      platform,
    )
  })

const principalOf = (id: Id.PrincipalId) =>
  Effect.map(
    Effect.flatMap(People.People, (people) => people.principal(id)),
    Option.getOrThrow,
  )

const as = <A, E, R>(actor: Principal.Principal, effect: Effect.Effect<A, E, R>) =>
  Effect.provideService(effect, Principal.CurrentPrincipal, actor)

const signIn = (id: Id.PrincipalId) =>
  Effect.gen(function* () {
    const link = yield* (yield* SignInLinks.SignInLinks).issue(id, "sign-in")
    return yield* SignIn.withLink(link)
  })

/** A mechanism with its coordinator, two case workers (one deactivated) and a case worker elsewhere. */
const world = Effect.gen(function* () {
  const mechanism = (yield* Id.next) as Id.MechanismId
  const other = (yield* Id.next) as Id.MechanismId
  const coordinator = yield* add([{ role: "coordinator", mechanism }])
  const worker = yield* add([{ role: "case-worker", mechanism }])
  const gone = yield* add([{ role: "case-worker", mechanism }])
  const elsewhere = yield* add([{ role: "case-worker", mechanism: other }])
  yield* (yield* People.People).deactivate(gone.id, platform)
  return {
    mechanism,
    other,
    coordinator: yield* principalOf(coordinator.id),
    worker,
    gone,
    elsewhere,
    workerPrincipal: yield* principalOf(worker.id),
  }
})

const administrator: Principal.Principal = {
  id: "01J9Z3K8V0M6YQ2R7T5W4X1DA1" as Id.PrincipalId,
  kind: "user",
  roles: ["administrator"],
  mechanisms: [],
}

describe("whose people a principal may list", () => {
  const mechanisms = ["01J9Z3K8V0M6YQ2R7T5W4X1DM1", "01J9Z3K8V0M6YQ2R7T5W4X1DM2", "01J9Z3K8V0M6YQ2R7T5W4X1DM3"].map(
    (id) => id as Id.MechanismId,
  )
  it("an administrator anyone's, a coordinator only their own mechanisms', nobody else anyone's (property)", () => {
    fc.assert(
      fc.property(
        fc.subarray([...Principal.roles]),
        fc.subarray(mechanisms),
        fc.option(fc.constantFrom(...mechanisms), { nil: undefined }),
        (roles, held, asked) => {
          const scope = ListPeople.scopeOf({ roles, mechanisms: held }, asked)
          if (roles.includes("administrator")) {
            expect(scope).toEqual(Either.right(asked === undefined ? "everyone" : [asked]))
          } else if (!roles.includes("coordinator")) {
            expect(Either.isLeft(scope)).toBe(true)
          } else if (Either.isRight(scope)) {
            // Never a mechanism the coordinator does not hold, never everyone.
            expect(scope.right).not.toBe("everyone")
            for (const each of scope.right as ReadonlyArray<Id.MechanismId>) expect(held).toContain(each)
          } else {
            expect(asked !== undefined && !held.includes(asked)).toBe(true)
          }
        },
      ),
    )
  })

  it("by example: the refusals name their rule", () => {
    expect(ListPeople.scopeOf({ roles: ["case-worker"], mechanisms }, undefined)).toEqual(
      Either.left(new Errors.Forbidden({ action: "people.list", rule: "identity.people.not-administering" })),
    )
    expect(ListPeople.scopeOf({ roles: ["coordinator"], mechanisms: [mechanisms[0]!] }, mechanisms[1])).toEqual(
      Either.left(new Errors.Forbidden({ action: "people.list", rule: "identity.people.outside-mechanism" })),
    )
    expect(ListPeople.scopeOf({ roles: ["coordinator"], mechanisms: [mechanisms[0]!] }, undefined)).toEqual(
      Either.right([mechanisms[0]]),
    )
  })
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: administering people`, () => {
    layer(services(db))((it) => {
      it.effect("a coordinator lists their mechanism's people, deactivated too, page by page, audited", () =>
        Effect.gen(function* () {
          const w = yield* world
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const reads = () =>
            sql<{ n: number | string }>`SELECT count(*) AS n FROM audit_log
              WHERE principal_id = ${w.coordinator.id} AND action = 'read'`.pipe(
              Effect.map((rows) => Number(rows[0]?.n)),
            )
          const first = yield* as(w.coordinator, ListPeople.listPeople({ mechanism: w.mechanism, limit: 2 }))
          expect(first.items.map((each) => each.id)).toEqual([w.coordinator.id, w.worker.id])
          expect(first.items[1]).toMatchObject({
            displayName: w.worker.displayName,
            email: w.worker.email,
            active: true,
            grants: [{ role: "case-worker", mechanism: w.mechanism }],
            version: 1,
          })
          expect(first.next).not.toBeNull()
          const second = yield* as(
            w.coordinator,
            ListPeople.listPeople({ mechanism: w.mechanism, limit: 2, after: first.next ?? undefined }),
          )
          expect(second.items.map((each) => [each.id, each.active])).toEqual([[w.gone.id, false]])
          expect(second.next).toBeNull()
          expect(yield* reads()).toBe(2)
          // Without a mechanism: the coordinator's own, the same people.
          const own = yield* as(w.coordinator, ListPeople.listPeople({ limit: 50 }))
          expect(own.items.map((each) => each.id)).toEqual([w.coordinator.id, w.worker.id, w.gone.id])
          // Another mechanism: refused; a case worker: refused; a malformed cursor: named.
          expect(
            yield* Effect.flip(as(w.coordinator, ListPeople.listPeople({ mechanism: w.other, limit: 5 }))),
          ).toEqual(new Errors.Forbidden({ action: "people.list", rule: "identity.people.outside-mechanism" }))
          expect(
            yield* Effect.flip(as(w.workerPrincipal, ListPeople.listPeople({ mechanism: w.mechanism, limit: 5 }))),
          ).toEqual(new Errors.Forbidden({ action: "people.list", rule: "identity.people.not-administering" }))
          expect(
            yield* Effect.flip(as(w.coordinator, ListPeople.listPeople({ limit: 5, after: "not a cursor!" }))),
          ).toEqual(new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" }))
          // An administrator: any mechanism, or everyone.
          const everyone = yield* as(administrator, ListPeople.listPeople({ limit: 200 }))
          const ids = everyone.items.map((each) => each.id)
          for (const id of [w.coordinator.id, w.worker.id, w.gone.id, w.elsewhere.id]) expect(ids).toContain(id)
          const there = yield* as(administrator, ListPeople.listPeople({ mechanism: w.other, limit: 5 }))
          expect(there.items.map((each) => each.id)).toEqual([w.elsewhere.id])
        }),
      )

      it.effect("changing roles: audited with who did it, the person's sessions end, the next principal is new", () =>
        Effect.gen(function* () {
          const w = yield* world
          const sessions = yield* Sessions.Sessions
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const signedIn = yield* signIn(w.worker.id)
          const grants = [{ role: "member-representative" as const, mechanism: w.mechanism }]
          const changed = yield* as(w.coordinator, ChangeRoles.changeRoles(w.worker.id, grants, 1))
          expect(changed).toEqual({ grants, version: 2 })
          expect((yield* principalOf(w.worker.id)).roles).toEqual(["member-representative"])
          expect(yield* sessions.resolve(signedIn.secret)).toEqual(Option.none())
          const ended = yield* sql<{ end_reason: string }>`SELECT end_reason FROM identity_sessions
            WHERE person_id = ${w.worker.id}`
          expect(ended.map((row) => row.end_reason)).toEqual(["roles-changed"])
          const written = yield* sql<{ principal_id: string; institution_id: string }>`SELECT principal_id,
            institution_id FROM audit_log WHERE action = 'write' ORDER BY seq DESC LIMIT 1`
          expect(written).toEqual([{ principal_id: w.coordinator.id, institution_id: social }])
          // The same version again: stale, nothing changed.
          expect(
            yield* Effect.flip(
              as(
                w.coordinator,
                ChangeRoles.changeRoles(w.worker.id, [{ role: "case-worker", mechanism: w.mechanism }], 1),
              ),
            ),
          ).toMatchObject({ _tag: "Conflict", rule: "version.stale", expectedVersion: 1, actualVersion: 2 })
          expect((yield* principalOf(w.worker.id)).roles).toEqual(["member-representative"])
        }),
      )

      it.effect(
        "roles beyond the actor's reach, grants that break a rule, people out of reach: refused, unchanged",
        () =>
          Effect.gen(function* () {
            const w = yield* world
            const change = (actor: Principal.Principal, id: Id.PrincipalId, grants: ReadonlyArray<Grants.Grant>) =>
              Effect.flip(as(actor, ChangeRoles.changeRoles(id, grants, 1)))
            // A coordinator cannot make an administrator, give a role elsewhere, or leave someone with none.
            for (const grants of [
              [{ role: "administrator" as const, mechanism: null }],
              [{ role: "case-worker" as const, mechanism: w.other }],
              [],
            ])
              expect(yield* change(w.coordinator, w.worker.id, grants)).toEqual(
                new Errors.Forbidden({ action: "people.change-roles", rule: "identity.grants.beyond-reach" }),
              )
            // Out of reach (another mechanism's person, or a case worker acting), or unknown: as unknown.
            for (const [actor, id] of [
              [w.coordinator, w.elsewhere.id],
              [w.workerPrincipal, w.coordinator.id],
              [administrator, "01J9Z3K8V0M6YQ2R7T5W4X1DZZ" as Id.PrincipalId],
            ] as const)
              expect(yield* change(actor, id, [{ role: "case-worker", mechanism: w.mechanism }])).toEqual(
                new Errors.NotFound({ entity: "person", id }),
              )
            // A rule of the grants: the field is named.
            expect(yield* change(administrator, w.worker.id, [{ role: "case-worker", mechanism: null }])).toEqual(
              new Errors.InvalidInput({ field: "grants", rule: "identity.grant.mechanism-required" }),
            )
            expect((yield* principalOf(w.worker.id)).roles).toEqual(["case-worker"])
            const people = yield* People.People
            expect((yield* people.find(w.worker.id)).pipe(Option.map((each) => each.active))).toEqual(Option.some(true))
          }),
      )

      it.effect(
        "the sign-in history: latest first, each end and its reason, for the administrators and the person",
        () =>
          Effect.gen(function* () {
            const w = yield* world
            const sessions = yield* Sessions.Sessions
            const first = yield* signIn(w.worker.id)
            yield* sessions.end(first.secret, "signed-out")
            yield* TestClock.adjust(Duration.minutes(5))
            yield* signIn(w.worker.id)
            yield* TestClock.adjust(Duration.minutes(45))
            const third = yield* signIn(w.worker.id)
            const history = yield* as(w.coordinator, SignInHistory.signInHistory(w.worker.id, { limit: 2 }))
            expect(history.items.map((each) => [each.id, each.endReason])).toEqual([
              [third.session.id, null],
              [expect.any(String), "idle"],
            ])
            // The idle one ended when its timeout took effect, 30 minutes after it was last used.
            const idle = history.items[1]!
            expect(idle.endedAt?.getTime()).toBe(idle.lastSeenAt.getTime() + 30 * 60_000)
            const rest = yield* as(
              w.workerPrincipal,
              SignInHistory.signInHistory(w.worker.id, { limit: 2, after: history.next ?? undefined }),
            )
            expect(rest.items.map((each) => [each.id, each.endReason])).toEqual([[first.session.id, "signed-out"]])
            expect(rest.next).toBeNull()
            // Someone out of reach: as unknown.
            expect(
              yield* Effect.flip(as(w.workerPrincipal, SignInHistory.signInHistory(w.coordinator.id, { limit: 5 }))),
            ).toEqual(new Errors.NotFound({ entity: "person", id: w.coordinator.id }))
          }),
      )

      it.effect("a person's own sessions, this one marked; signing out everywhere ends them all", () =>
        Effect.gen(function* () {
          const w = yield* world
          const sessions = yield* Sessions.Sessions
          const phone = yield* signIn(w.worker.id)
          const laptop = yield* signIn(w.worker.id)
          const other = yield* signIn(w.coordinator.id)
          const mine = yield* as(w.workerPrincipal, MySessions.mySessions(Option.some(laptop.session.id)))
          expect(mine.map((each) => [each.id, each.current])).toEqual([
            [laptop.session.id, true],
            [phone.session.id, false],
          ])
          expect(yield* as(w.workerPrincipal, SignOutEverywhere.signOutEverywhere)).toEqual({ ended: 2 })
          expect(yield* sessions.resolve(phone.secret)).toEqual(Option.none())
          expect(yield* sessions.resolve(laptop.secret)).toEqual(Option.none())
          expect(yield* as(w.workerPrincipal, MySessions.mySessions(Option.none()))).toEqual([])
          // Someone else's session holds.
          expect(Option.isSome(yield* sessions.resolve(other.secret))).toBe(true)
          expect(yield* as(w.workerPrincipal, SignOutEverywhere.signOutEverywhere)).toEqual({ ended: 0 })
        }),
      )
    })
  })
}
