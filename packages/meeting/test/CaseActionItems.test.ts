// A case's action items with their extensions, on SQLite and PostgreSQL: read
// by whoever the case lets read it whole (the `CaseAccess` port) and who sees
// the mechanism's case data; a team member of a non-signatory institution
// gets none; others are refused; the read of sealed text audited.
import { Id, Principal } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import {
  type ActionItem,
  ActionItemExtension,
  ActionItemRepository,
  CaseAccess,
  CaseActionItems,
  MeetingLifecycle,
  MeetingRepository,
} from "../src/index"
import { databases, rawSql, services } from "./support/Databases"
import { coordinator, healthRepresentative, ids, openItem, policeRepresentative } from "./support/Fixtures"

const as =
  (principal: Principal.Principal) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.provideService(effect, Principal.CurrentPrincipal, principal)

// Police (a signatory) and health (a member that did not sign) read the case whole; the coordinator does not.
const access = CaseAccess.layerTest(
  new Map([[ids.caseA, { mechanismId: ids.mechanism, readers: [ids.police, ids.health] }]]),
)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: CaseActionItems.list`, () => {
    layer(Layer.merge(services(db), access))((it) => {
      it.effect("lists the case's items with their extensions, by both rules, the read audited", () =>
        Effect.gen(function* () {
          const meeting = MeetingLifecycle.requested({
            id: yield* Id.MeetingId.generate,
            mechanismId: ids.mechanism,
            request: {
              institution: ids.police,
              principal: ids.policePrincipal,
              reason: "A shared case needs review",
              urgency: "standard",
              requestedAt: new Date("2026-01-10T10:00:00Z"),
              deadline: new Date("2026-01-20T10:00:00Z"),
              profileVersion: 1,
            },
          })
          yield* Effect.flatMap(MeetingRepository.MeetingRepository, (meetings) => meetings.insert(meeting))
          const repository = yield* ActionItemRepository.ActionItemRepository
          const item = (link: ActionItem.Link | undefined) =>
            Effect.map(Id.ActionItemId.generate, (id) => {
              const { link: _none, ...rest } = openItem({ id, meetingId: meeting.id })
              return link === undefined ? rest : { ...rest, link }
            })
          const first = yield* item({ _tag: "case", caseId: ids.caseA })
          const unlinked = yield* item(undefined)
          const second = yield* item({ _tag: "case", caseId: ids.caseA })
          for (const each of [first, unlinked, second]) yield* repository.insert(each)
          const extension = {
            id: yield* ActionItemExtension.ExtensionId.generate,
            actionItemId: second.id,
            previousDueDate: second.dueDate,
            dueDate: "2026-03-01" as ActionItem.DueDate,
            reason: "The family asked for a later visit.",
            extendedBy: ids.policePrincipal,
            institution: ids.police,
            extendedAt: new Date("2026-01-20T10:00:00Z"),
          }
          yield* repository.recordExtension(extension)
          const sql = yield* rawSql
          const reads = Effect.map(
            sql<{ n: number }>`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'read' AND case_id = ${ids.caseA}`,
            (rows) => Number(rows[0]?.n),
          )
          const before = yield* reads

          const page = yield* as(policeRepresentative)(CaseActionItems.list({ caseId: ids.caseA, limit: 1 }))
          expect(page.items.map((each) => [each.id, each.extensions])).toEqual([[first.id, []]])
          expect(page.next).not.toBeNull()
          const rest = yield* as(policeRepresentative)(
            CaseActionItems.list({ caseId: ids.caseA, limit: 10, after: page.next ?? undefined }),
          )
          expect(rest).toEqual({ items: [{ ...second, extensions: [extension] }], next: null })
          expect(yield* reads).toBeGreaterThan(before)

          // Health reads the case but did not sign the memorandum: the meeting's rule shows it nothing.
          expect(yield* as(healthRepresentative)(CaseActionItems.list({ caseId: ids.caseA, limit: 10 }))).toEqual({
            items: [],
            next: null,
          })
          // The coordinator is not among the case's readers; an unknown case is not found; a bad cursor is named.
          expect(
            yield* Effect.flip(as(coordinator)(CaseActionItems.list({ caseId: ids.caseA, limit: 10 }))),
          ).toMatchObject({ _tag: "Forbidden" })
          expect(
            yield* Effect.flip(as(policeRepresentative)(CaseActionItems.list({ caseId: ids.caseB, limit: 10 }))),
          ).toMatchObject({ _tag: "NotFound" })
          expect(
            yield* Effect.flip(
              as(policeRepresentative)(CaseActionItems.list({ caseId: ids.caseA, limit: 10, after: "not-a-cursor" })),
            ),
          ).toMatchObject({ _tag: "InvalidInput", field: "cursor" })
        }),
      )
    })
  })
}
