// Calendar subscriptions on SQLite and PostgreSQL: a feed's secret is shown
// once and stored as a hash; the feed lists the meetings of the mechanisms its
// principal is a member of now (asked of the FeedPrincipals port), in its
// language; a revoked or unknown secret, or a principal who is no more, is
// NotFound without naming the secret.
import { Errors, type Id, Principal } from "@bashke/kernel"
import { describe, expect, it, layer } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { CalendarFeeds, MeetingService, SqlCalendarFeedStore } from "../src"
import { databases, rawSql, services } from "./support/Databases"
import { coordinator, ids, outsider, policeRepresentative } from "./support/Fixtures"

const known = new Map<string, Principal.Principal>()
const principals = Layer.succeed(CalendarFeeds.FeedPrincipals, {
  resolve: (principalId: Id.PrincipalId) => Effect.succeed(Option.fromNullable(known.get(principalId))),
})
const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)

describe("CalendarFeeds secrets", () => {
  it("are 43 base64url characters, never the same twice, hashed with SHA-256", () =>
    Effect.runPromise(
      Effect.gen(function* () {
        const secrets = new Set(Array.from({ length: 200 }, CalendarFeeds.newSecret))
        expect(secrets.size).toBe(200)
        for (const secret of secrets) expect(CalendarFeeds.secretPattern.test(secret)).toBe(true)
        expect(yield* CalendarFeeds.hashOf("abc")).toBe(
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        )
      }),
    ))
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: calendar feeds`, () => {
    layer(Layer.mergeAll(SqlCalendarFeedStore.layer, principals).pipe(Layer.provideMerge(services(db))))((it) => {
      it.effect("issues a feed, stores only the hash, and serves the principal's meetings in its language", () =>
        Effect.gen(function* () {
          known.set(policeRepresentative.id, policeRepresentative)
          yield* as(coordinator)(
            MeetingService.schedule({
              mechanismId: ids.mechanism,
              kind: "regular",
              startsAt: "2099-03-20T09:00:00Z",
              endsAt: "2099-03-20T11:00:00Z",
              place: "Municipal hall",
            }),
          )
          const issued = yield* as(policeRepresentative)(CalendarFeeds.create({ locale: "sr-Latn" }))
          expect(issued.feed).toMatchObject({ principalId: policeRepresentative.id, locale: "sr-Latn" })
          const sql = yield* rawSql
          const stored = yield* sql<Record<string, unknown>>`SELECT * FROM meeting_calendar_feeds`.pipe(Effect.orDie)
          expect(JSON.stringify(stored)).not.toContain(issued.secret)
          expect(stored[0]?.secret_hash).toBe(yield* CalendarFeeds.hashOf(issued.secret))

          const feed = yield* CalendarFeeds.read(issued.secret)
          expect(feed).toContain("BEGIN:VCALENDAR")
          expect(feed).toContain("SUMMARY;LANGUAGE=sr-Latn:Redovni sastanak")
          expect(feed).toContain("DTSTART:20990320T090000Z")
          expect(yield* as(policeRepresentative)(CalendarFeeds.mine)).toEqual([issued.feed])
          expect(yield* as(coordinator)(CalendarFeeds.mine)).toEqual([])
        }),
      )

      it.effect("revokes only one's own feed; a revoked or unknown secret is NotFound without naming it", () =>
        Effect.gen(function* () {
          known.set(coordinator.id, coordinator)
          const issued = yield* as(coordinator)(CalendarFeeds.create({}))
          expect(issued.feed.locale).toBe("sq")
          const other = yield* Effect.flip(as(policeRepresentative)(CalendarFeeds.revoke(issued.feed.id)))
          expect(other).toBeInstanceOf(Errors.NotFound)
          expect(yield* CalendarFeeds.read(issued.secret)).toContain("BEGIN:VEVENT")
          const revoked = yield* as(coordinator)(CalendarFeeds.revoke(issued.feed.id))
          expect(revoked.revokedAt).toBeInstanceOf(Date)
          const gone = yield* Effect.flip(CalendarFeeds.read(issued.secret))
          expect(gone).toEqual(new Errors.NotFound({ entity: "CalendarFeed", id: "-" }))
          expect(JSON.stringify(gone)).not.toContain(issued.secret)
          expect(yield* Effect.flip(CalendarFeeds.read(CalendarFeeds.newSecret()))).toBeInstanceOf(Errors.NotFound)
          expect(yield* Effect.flip(CalendarFeeds.read("../../etc/passwd"))).toBeInstanceOf(Errors.NotFound)
          // Revoking again keeps the first time.
          const again = yield* as(coordinator)(CalendarFeeds.revoke(issued.feed.id))
          expect(again.revokedAt).toEqual(revoked.revokedAt)
        }),
      )

      it.effect(
        "shows nothing of a mechanism the principal no longer belongs to, and 404s a principal who is gone",
        () =>
          Effect.gen(function* () {
            const leaving = { ...policeRepresentative, id: "01JP0000000000000000000009" as Id.PrincipalId }
            known.set(leaving.id, leaving)
            const issued = yield* as(leaving)(CalendarFeeds.create({ locale: "en" }))
            expect(yield* CalendarFeeds.read(issued.secret)).toContain("BEGIN:VEVENT")
            // Now acting for an institution that is no member: the same URL shows no meeting.
            known.set(leaving.id, { ...leaving, institution: outsider.institution as Id.InstitutionId })
            const empty = yield* CalendarFeeds.read(issued.secret)
            expect(empty).toContain("BEGIN:VCALENDAR")
            expect(empty).not.toContain("BEGIN:VEVENT")
            known.delete(leaving.id)
            expect(yield* Effect.flip(CalendarFeeds.read(issued.secret))).toBeInstanceOf(Errors.NotFound)
          }),
      )

      it.effect("refuses a plugin and a principal of no mechanism", () =>
        Effect.gen(function* () {
          const plugin = yield* Effect.flip(as({ ...coordinator, kind: "plugin" })(CalendarFeeds.create({})))
          expect(plugin).toMatchObject({ _tag: "Forbidden", rule: "meeting.calendar-feed.person-required" })
          const national = yield* Effect.flip(
            as({ id: coordinator.id, kind: "user", roles: ["national-coordinator"], mechanisms: [] })(
              CalendarFeeds.create({}),
            ),
          )
          expect(national).toMatchObject({ _tag: "Forbidden", rule: "meeting.calendar-feed.no-mechanism" })
          const locale = yield* Effect.flip(as(coordinator)(CalendarFeeds.create({ locale: "de" as never })))
          expect(locale).toMatchObject({ _tag: "InvalidInput", field: "locale" })
        }),
      )
    })
  })
}
