// The referral lists page in SQL by keyset (migration 4 of the referral
// package): over the demo and forty more referrals between its institutions,
// walking a list by the `next` cursor a referral or a few at a time gives each
// referral the caller may see once, in id order, the same as one page of all
// of them; no page before the last is short; referrals added while walking
// after the cursor appear once, and none is shown twice.
import { Id } from "@bashke/kernel"
import type { Referral, ReferralRepository } from "@bashke/referral"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import type { Effect } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import * as Repositories from "../support/Repositories"
import * as Walk from "../support/Walk"

interface Listed {
  readonly id: string
  readonly from: string
  readonly to: string
  readonly status: string
  readonly case: string
}

const parties = [
  institutions.police.id,
  institutions.socialWork.id,
  institutions.shelter.id,
  institutions.health.id,
  institutions.legalAid.id,
]
const readers = [
  "coordinator",
  "policeOfficer",
  "caseManager",
  "shelterWorker",
  "nurse",
  "lawyer",
  "advocate",
  "teacher",
] as const satisfies ReadonlyArray<PersonName>
// Closed statuses: the copies never meet the one-open-referral-per-service rule.
const closedStatuses: ReadonlyArray<Referral.Status> = ["completed", "declined", "cancelled"]

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: referral lists paged by keyset`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (name: PersonName) => tokens.get(name) as string
    let added = 0

    const repository = <A>(use: (repository: ReferralRepository.Service) => Effect.Effect<A>) =>
      gateway.runtime.runPromise(Repositories.referrals(use))

    /** Copies of the demo's referrals between other parties, closed, with ids at `at` on. */
    const addCopies = async (count: number, at: number) => {
      const demo = await repository((store) => store.forMechanism(seeded.mechanismId))
      for (let i = 0; i < count; i++, added++) {
        const source = demo[added % demo.length] as Referral.Referral
        const copy: Referral.Referral = {
          ...source,
          id: Id.ulidAt(at + i, new Uint8Array(10).fill(added % 250)) as Id.ReferralId,
          from: parties[added % parties.length] as Id.InstitutionId,
          to: parties[(added * 3 + 1) % parties.length] as Id.InstitutionId,
          status: closedStatuses[added % closedStatuses.length] as Referral.Status,
        }
        await repository((store) => store.insert(copy))
      }
    }

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const name of readers) tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
      await addCopies(40, Date.now())
    })
    afterAll(() => gateway.close())

    const page = (path: string, name: PersonName) => Walk.page<Listed>(gateway, path, as(name))
    const walk = (path: string, name: PersonName, limit: number, between?: () => Promise<void>) =>
      Walk.walk<Listed>(gateway, path, as(name), limit, between)

    const ids = (items: ReadonlyArray<Listed>) => items.map((item) => item.id)
    const stored = async () =>
      [...(await repository((store) => store.forMechanism(seeded.mechanismId)))].sort((a, b) =>
        a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
      )

    it("the coordinator's list walked by cursor is every referral of the mechanism, in id order", async () => {
      const all = ids(await stored())
      expect(all.length).toBeGreaterThan(40)
      const listing = `/v1/referrals?mechanismId=${seeded.mechanismId}`
      expect(ids((await page(`${listing}&limit=200`, "coordinator")).items)).toEqual(all)
      for (const limit of [1, 3, 7]) expect(ids(await walk(listing, "coordinator", limit))).toEqual(all)
    })

    it("a member's list walked by cursor is the referrals its institution sent or received, and no other", async () => {
      const all = await stored()
      for (const [name, institution] of [
        ["policeOfficer", institutions.police.id],
        ["shelterWorker", institutions.shelter.id],
        ["teacher", institutions.education.id],
      ] as const) {
        const expected = ids(all.filter((referral) => referral.from === institution || referral.to === institution))
        for (const limit of [1, 4])
          expect(ids(await walk(`/v1/referrals?mechanismId=${seeded.mechanismId}`, name, limit))).toEqual(expected)
      }
    })

    it("the status filter pages the same way, for the coordinator and for a member", async () => {
      const all = await stored()
      for (const status of ["completed", "declined", "sent"] as const) {
        const listing = `/v1/referrals?mechanismId=${seeded.mechanismId}&status=${status}`
        const ofStatus = all.filter((referral) => referral.status === status)
        expect(ids(await walk(listing, "coordinator", 2))).toEqual(ids(ofStatus))
        const police = institutions.police.id
        expect(ids(await walk(listing, "policeOfficer", 2))).toEqual(
          ids(ofStatus.filter((referral) => referral.from === police || referral.to === police)),
        )
      }
    })

    it("a case's list walked by cursor is the one page of everything the caller may see, never short before the end", async () => {
      const caseId = (seeded.cases as NonNullable<Seeded["cases"]>).highRisk.caseId
      const ofCase = ids((await stored()).filter((referral) => referral.case === caseId))
      const listing = `/v1/cases/${caseId}/referrals`
      expect(ids((await page(`${listing}?limit=200`, "coordinator")).items)).toEqual(ofCase)
      let partial = 0
      for (const name of readers) {
        const whole = ids((await page(`${listing}?limit=200`, name)).items)
        expect(whole.every((id) => ofCase.includes(id))).toBe(true)
        // Each page reads the policy's facts for every referral it looks at: pages of a few keep the walk short.
        expect(ids(await walk(listing, name, 4))).toEqual(whole)
        if (whole.length > 0 && whole.length < ofCase.length) {
          // Someone who sees some of the case's referrals, not all: a referral a page, the others skipped.
          expect(ids(await walk(listing, name, 1))).toEqual(whole)
          partial++
        }
      }
      expect(partial).toBeGreaterThan(0)
    })

    it("referrals added while walking appear once, after the cursor; none is shown twice or skipped", async () => {
      const before = ids(await stored())
      const listing = `/v1/referrals?mechanismId=${seeded.mechanismId}`
      const walked = ids(await walk(listing, "coordinator", 5, () => addCopies(6, Date.now() + 60_000)))
      expect(new Set(walked).size).toBe(walked.length)
      const after = ids(await stored())
      const addedNow = after.filter((id) => !before.includes(id))
      expect(addedNow).toHaveLength(6)
      expect(walked).toEqual(after)
    })

    it("a cursor that names no referral id is a problem naming the cursor", async () => {
      const response = await gateway.request(
        "GET",
        `/v1/referrals?mechanismId=${seeded.mechanismId}&after=${Buffer.from("[1,2]").toString("base64url")}`,
        { token: as("coordinator") },
      )
      expect(response.status).toBe(422)
      expect(JSON.stringify(await response.json())).toContain("pagination.cursor.malformed")
    })
  })
}
