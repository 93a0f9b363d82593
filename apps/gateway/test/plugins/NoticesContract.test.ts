// The `notices:send` contract (`NoticesContract` of the plugin SDK's test
// kit, the same checks the fakes pass) against the gateway's real provider,
// in both dialects: a case opened by the police, the survivor's consent for
// referrals covering the shelter, a referral sent to the shelter; a plugin
// acting for the shelter, which is not on the case team.
import { CaseService } from "@bashke/case"
import { Id, Principal } from "@bashke/kernel"
import { Notices } from "@bashke/plugin-sdk"
import { NoticesContract } from "@bashke/plugin-sdk/testing"
import { ReferralService } from "@bashke/referral"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, principal } from "../../src/demo/World"
import * as GatewayPlugins from "../../src/plugins/GatewayPlugins"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const plugin = { name: NoticesContract.shelterConnector.manifest.name, version: "0.1.0", id: "contract-shelter" }

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: notices:send contract, gateway provider`, () => {
    let gateway: Gateway
    let seeded: Seeded
    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
    })
    afterAll(() => gateway.close())

    const providers = () =>
      GatewayPlugins.capabilities({
        host: { plugins: [] },
        principals: new Map([
          [
            plugin.name,
            {
              id: Id.ulidAt(1_767_225_700_000, new Uint8Array(10).fill(91)) as Id.PrincipalId,
              institution: institutions.shelter.id,
              sector: "shelter",
              mechanisms: [seeded.mechanismId],
            },
          ],
        ]),
      })

    // A fresh case per check: opened by the police, consent for referrals to the shelter, a referral sent to it.
    const makeWorld = Effect.gen(function* () {
      const cases = yield* CaseService.CaseService
      const referrals = yield* ReferralService.ReferralService
      const police = Effect.provideService(Principal.CurrentPrincipal, principal("policeOfficer", seeded.mechanismId))
      const opened = yield* cases
        .openCase({
          mechanismId: seeded.mechanismId,
          municipality: "GJI",
          team: [],
          persons: [{ role: "victim", sex: "female", birthYear: 1990 }],
        } as never)
        .pipe(police)
      const victim = opened.persons[0]?.id as Id.PersonId
      const consent = yield* cases
        .giveConsent({
          caseId: opened.id,
          givenBy: victim,
          institutions: [institutions.shelter.id],
          purposes: ["referral"],
          method: "signed-form",
          expectedVersion: opened.version,
        })
        .pipe(police)
      const shelterService = seeded.directory?.shelter as Id.ServiceId
      const referral = yield* referrals
        .send({
          case: opened.id,
          service: shelterService,
          reason: "shelter-needed",
          basis: { _tag: "Consent", consent: consent.id },
        })
        .pipe(police)
      const provider = yield* Notices.Notices
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      const world: NoticesContract.World = {
        notices: provider.forPlugin(plugin),
        plugin,
        caseId: opened.id,
        referral: referral.id,
        shelter: institutions.shelter.id,
        stranger: institutions.education.id,
        withdrawConsent: cases
          .withdrawConsent({ caseId: opened.id, consentId: consent.id, expectedVersion: opened.version + 1 })
          .pipe(police, Effect.asVoid, Effect.orDie),
        closeReferral: referrals
          .transition(referral.id, { _tag: "Cancel", reason: "no-longer-needed" }, referral.version)
          .pipe(police, Effect.asVoid, Effect.orDie),
        outcomeOf: (noticeId) =>
          Effect.map(
            sql<{ readonly outcome: string | null }>`SELECT outcome FROM plugin_notices WHERE id = ${noticeId}`.pipe(
              Effect.orDie,
            ),
            (rows) => (rows[0]?.outcome ?? undefined) as Notices.NoticeOutcome["_tag"] | undefined,
          ),
      }
      return world
    })

    for (const check of NoticesContract.checks)
      it(check.name, () =>
        gateway.runtime.runPromise(Effect.flatMap(makeWorld, check.run).pipe(Effect.provide(Layer.fresh(providers())))),
      )
  })
}
