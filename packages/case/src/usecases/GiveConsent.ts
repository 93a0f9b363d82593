/**
 * A survivor's consent to share is recorded (`case.write`, then
 * `consent.record`: the lead institution or the institution that took it),
 * with how it was given and who took it. A consent that widens the recorder's
 * own institution's access counts only once a second person confirms it
 * (`ConfirmConsent`). The case's new version, the consent, its outbox event
 * and the notice to the case lead are written in one transaction.
 *
 * Fails with `InvalidInput` naming the field (`case.consent.giver-unknown`,
 * the model's rules), `Forbidden`, `NotFound` or `Conflict` (`version.stale`).
 */
import { Errors, Id } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Case from "../Case"
import { GiveConsent } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as Consent from "../Consent"
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import { leadNotice } from "../internal/ConsentChange"
import { allow, type Changing, institutionIds, type Loaded } from "../internal/Steps"

/** The consent as recorded, once the recorder may record it and the rules hold. */
const recorded = ({ aCase, s }: Loaded, input: typeof GiveConsent.Type) =>
  Effect.gen(function* () {
    const recorder = s.principal.institution
    // `case.write` needs an institution; the policy has checked it.
    if (recorder === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")
    const takenBy = input.takenBy ?? recorder
    yield* allow(s, "consent.record", aCase, { consent: { takenBy } })
    const giver = aCase.persons.find((person) => person.id === input.givenBy)
    if (giver === undefined || giver.role === "alleged-perpetrator")
      return yield* Effect.fail(new Errors.InvalidInput({ field: "givenBy", rule: "case.consent.giver-unknown" }))
    const recorderSector = s.signatories.find((signatory) => signatory.institution === recorder)?.sector
    const scope = { institutions: input.institutions, sectors: input.sectors }
    const consent: Consent.Consent = {
      id: yield* Id.ConsentId.generate,
      givenBy: input.givenBy,
      ...scope,
      purposes: input.purposes,
      from: input.from ?? s.at,
      ...(input.until === undefined ? {} : { until: input.until }),
      recording: {
        method: input.method,
        takenBy,
        recordedBy: s.principal.id,
        recordedFor: recorder,
        ...(input.witnessedBy === undefined ? {} : { witnessedBy: input.witnessedBy }),
      },
      // No one opens their own institution's access alone.
      needsConfirmation:
        Consent.widensAccessOf(scope, recorder, s.principal.sector) ||
        Consent.widensAccessOf(scope, recorder, recorderSector),
    }
    yield* Consent.validate(consent, aCase.consents.length, new Set(institutionIds(s.signatories)))
    const updated: Case.Case = { ...aCase, consents: [...aCase.consents, consent] }
    return { consent, updated, takenBy }
  })

/** Records the consent and answers it. */
export const giveConsent: CaseUseCase.Of<typeof GiveConsent, Consent.Consent, Changing> = CaseChange.make({
  span: "CaseService.giveConsent",
  command: GiveConsent,
  decide: recorded,
  write: ({ consent }, { aCase }) =>
    Effect.as(
      Effect.flatMap(CaseRepository, (cases) => cases.insertConsent(aCase.id, consent)),
      consent,
    ),
  events: ({ consent, takenBy }, { aCase, s }, input) => [
    {
      topic: "case.consent.given",
      payload: {
        consentId: consent.id,
        givenBy: consent.givenBy,
        institutions: consent.institutions,
        sectors: consent.sectors,
        purposes: consent.purposes,
        from: consent.from.toISOString(),
        until: consent.until?.toISOString() ?? null,
        method: input.method,
        takenBy,
        needsConfirmation: consent.needsConfirmation,
      },
    },
    leadNotice(s, aCase, consent, "recorded"),
  ],
})
