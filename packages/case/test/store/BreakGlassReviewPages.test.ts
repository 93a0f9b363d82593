// The coordinator's list of break-glass reviews, paged in SQL by keyset (read
// time, then id), on SQLite and PostgreSQL: pages follow each other without
// gaps or repeats, reviews read at the same instant are ordered by id, the
// status filter holds across pages, and only the reviews on a page are
// audited as read.
import { Principal } from "@bashke/kernel"
import { AuditLog } from "@bashke/security"
import { describe, expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import type { BreakGlassReviewId } from "../../src/BreakGlassReview"
import { BreakGlassReviewRepository } from "../../src/BreakGlassReviewRepository"
import * as BreakGlassReviews from "../../src/BreakGlassReviews"
import { CaseService } from "../../src/CaseService"
import { databases, institutions, mechanismId, principals, services, start, ulid } from "./support/Databases"

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)

for (const db of databases) {
  describe.skipIf(db.skip !== undefined)(`${db.name}: break-glass reviews paged by keyset`, () => {
    layer(services(db))((it) => {
      it.effect("pages in read order without gaps or repeats; only a page's reviews are audited", () =>
        Effect.gen(function* () {
          yield* start
          const opened = yield* as(principals.caseManager)(
            (yield* CaseService).openCase({
              mechanismId,
              municipality: "GJI",
              persons: [{ role: "victim", sex: "female" }],
            }),
          )
          const victim = opened.persons[0]!
          const repository = yield* BreakGlassReviewRepository
          // Seven reviews; 3 and 4 read at the same instant (ordered by id); 5 already closed.
          const readAt = [1, 2, 3, 3, 4, 5, 6].map(
            (minute) => new Date(Date.parse("2026-03-01T08:00:00Z") + minute * 60_000),
          )
          const ids = readAt.map((_, n) => ulid(100 + n) as BreakGlassReviewId)
          const review = (n: number) => ({
            id: ids[n]!,
            mechanismId,
            caseId: opened.id,
            personId: victim.id,
            principalId: principals.officer.id,
            institutionId: institutions.police,
            code: "person-missing" as const,
            reason: `reason ${n}`,
            readAt: readAt[n]!,
          })
          for (const n of readAt.keys()) yield* repository.insert(review(n))
          yield* repository.close({
            ...review(5),
            verdict: "justified",
            reviewedBy: principals.coordinator.id,
            reviewedAt: new Date("2026-03-02T08:00:00Z"),
          })
          const log = yield* AuditLog.AuditLog
          const reads = Effect.map(
            log.forCase(opened.id),
            (entries) => entries.filter((e) => e.purpose === "audit").length,
          )

          const walk = (status?: "open") =>
            Effect.gen(function* () {
              const seen: Array<string> = []
              let after: string | undefined
              for (let pages = 0; pages < 10; pages++) {
                const before = yield* reads
                const page = yield* as(principals.coordinator)(
                  BreakGlassReviews.list({
                    mechanismId,
                    limit: 2,
                    ...(status === undefined ? {} : { status }),
                    ...(after === undefined ? {} : { after }),
                  }),
                )
                expect(page.items.length).toBeLessThanOrEqual(2)
                expect((yield* reads) - before).toBe(page.items.length)
                seen.push(...page.items.map((review) => review.id))
                if (page.next === null) break
                after = page.next
              }
              return seen
            })
          expect(yield* walk()).toEqual(ids)
          expect(yield* walk("open")).toEqual(ids.filter((_, n) => n !== 5))
          const malformed = yield* Effect.flip(
            as(principals.coordinator)(BreakGlassReviews.list({ mechanismId, after: "not-a-cursor" })),
          )
          expect(malformed).toMatchObject({ _tag: "InvalidInput", rule: "pagination.cursor.malformed" })
        }),
      )
    })
  })
}
