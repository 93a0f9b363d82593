// Generators shared by the rule tests, built from the package's own schemas
// where a schema says enough (`Arbitrary.make`), and by hand where a test needs
// structure a schema cannot express (strictly increasing effective days).
import { CivilDate, Id, Sector } from "@bashke/kernel"
import { Arbitrary, FastCheck as fc } from "effect"
import type * as Membership from "../../src/Membership"
import type * as Memorandum from "../../src/Memorandum"

export const day = Arbitrary.make(CivilDate.CivilDate)
export const sector = Arbitrary.make(Sector.Sector)
export const institutionId = Arbitrary.make(Id.InstitutionId)

/** A few institutions, so that generated memberships and signatures collide often. */
export const institutions = fc.uniqueArray(institutionId, { minLength: 1, maxLength: 5 })

const mechanismId = "01J9Z3K8V0M6YQ2R7T5W4X1B0M" as Id.MechanismId
const memorandumId = "01J9Z3K8V0M6YQ2R7T5W4X1B0N" as Id.MemorandumId
/** The principal who countersigns the generated signatures. */
export const coordinator = Id.ulidAt(1_700_000_000_000, new Uint8Array(10).fill(7)) as Id.PrincipalId
const membershipIdOf = (n: number) => Id.ulidAt(1_700_000_000_000 + n, new Uint8Array(10)) as Id.MembershipId

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000
export const dayOf = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10)
export const addDays = (d: string, n: number): string => dayOf(dayNumber(d) + n)

/** Memberships of the given institutions, with random (possibly open) intervals. */
export const memberships = (ids: ReadonlyArray<Id.InstitutionId>): fc.Arbitrary<Array<Membership.Membership>> =>
  fc
    .array(
      fc.record({
        institution: fc.constantFrom(...ids),
        sector,
        joinedOn: day,
        length: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
      }),
      { maxLength: 8 },
    )
    .map((rows) =>
      rows.map((row, n) => ({
        id: membershipIdOf(n),
        mechanismId,
        institutionId: row.institution,
        sector: row.sector,
        joinedOn: row.joinedOn,
        ...(row.length === undefined ? {} : { leftOn: addDays(row.joinedOn, row.length) }),
      })),
    )

/** Versions 1..n with strictly increasing effective days, each with random signatures. */
export const memoranda = (ids: ReadonlyArray<Id.InstitutionId>): fc.Arbitrary<Array<Memorandum.MemorandumVersion>> =>
  fc
    .record({
      first: day,
      gaps: fc.array(fc.integer({ min: 1, max: 800 }), { maxLength: 5 }),
      sectors: fc.array(fc.uniqueArray(sector, { minLength: 1, maxLength: 6 }), { minLength: 6, maxLength: 6 }),
      signatures: fc.array(
        fc.array(
          fc.record({
            institution: fc.constantFrom(...ids),
            offset: fc.integer({ min: -200, max: 900 }),
            // Days from the signature to its countersignature; none: not countersigned (yet).
            countersignedAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
          }),
          { maxLength: 4 },
        ),
        { minLength: 6, maxLength: 6 },
      ),
    })
    .map(({ first, gaps, sectors, signatures }) => {
      const effective = [first]
      for (const gap of gaps) effective.push(addDays(effective[effective.length - 1]!, gap))
      return effective.map((effectiveFrom, n) => {
        const seen = new Set<string>()
        return {
          memorandumId,
          mechanismId,
          version: n + 1,
          effectiveFrom,
          documentHash: "a".repeat(64),
          expectedSectors: sectors[n]!,
          publishedAt: new Date(0),
          signatures: signatures[n]!.filter(
            (s) => !seen.has(s.institution) && seen.add(s.institution) !== undefined,
          ).map((s, k) => ({
            membershipId: membershipIdOf(100 + k),
            institutionId: s.institution,
            signedOn: addDays(effectiveFrom, s.offset),
            ...(s.countersignedAfter === undefined
              ? {}
              : {
                  countersignature: {
                    countersignedOn: addDays(effectiveFrom, s.offset + s.countersignedAfter),
                    countersignedBy: coordinator,
                  },
                }),
          })),
        }
      })
    })
