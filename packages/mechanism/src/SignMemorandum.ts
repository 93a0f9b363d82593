/**
 * A member institution's signature of a memorandum version is recorded, with
 * the name of the person who signed for it (sealed). Who records it is
 * `MechanismPolicy`'s rule; the signature counts only once countersigned
 * (`CountersignMemorandum`). The mechanism's new version, the signature, the
 * audit entry of the name written and the outbox event are written in one
 * transaction.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`, `NotFound` or
 * `Conflict` (`Memorandum.checkSignature`'s rules, `version.stale`).
 */
import { CivilDate, type Errors, Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { Vault } from "@bashke/security"
import { Effect, Schema } from "effect"
import { useCase } from "./internal/Input"
import { emit, findMechanism, type Requirements, record, signerAad } from "./internal/Steps"
import * as MechanismEvents from "./MechanismEvents"
import * as MechanismPolicy from "./MechanismPolicy"
import { MechanismRepository } from "./MechanismRepository"
import * as Memorandum from "./Memorandum"

const SignerName = Schema.String.pipe(
  Schema.filter((s) => s.trim().length > 0 && s.length <= 200, { message: () => "mechanism.contact.name.invalid" }),
)

/**
 * Input of `signMemorandum`: the institution that signs, the name of the person
 * who signed for it (sealed), and the day (default today).
 */
export const SignMemorandum = Schema.Struct({
  mechanismId: Id.MechanismId,
  memorandumId: Id.MemorandumId,
  version: Schema.Int.pipe(Schema.positive()),
  institutionId: Id.InstitutionId,
  signer: SignerName,
  signedOn: Schema.optional(CivilDate.CivilDate),
  expectedVersion: Schema.optional(Schema.Int.pipe(Schema.positive())),
})

export type SignMemorandum = typeof SignMemorandum.Encoded

/**
 * Records the signature and answers the version as it now stands.
 */
export const sign: (
  input: SignMemorandum,
) => Effect.Effect<
  Memorandum.MemorandumVersion,
  Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden,
  Requirements | Principal.CurrentPrincipal
> = useCase({
  span: "MechanismService.signMemorandum",
  command: SignMemorandum,
  load: (input) =>
    Effect.gen(function* () {
      // Who may record is decided before anything is read.
      const principal = yield* MechanismPolicy.requireSignatureRecorder(
        yield* Principal.CurrentPrincipal,
        input.mechanismId,
        input.institutionId,
      )
      const repository = yield* MechanismRepository
      const today = yield* JurisdictionProfile.today
      const mechanism = yield* findMechanism(input.mechanismId)
      return {
        principal,
        today,
        mechanism,
        memoranda: yield* repository.memoranda(mechanism.id),
        memberships: yield* repository.memberships(mechanism.id),
      }
    }),
  decide: ({ today, memoranda, memberships }, input) =>
    Memorandum.checkSignature({
      memoranda,
      memberships,
      memorandumId: input.memorandumId,
      version: input.version,
      institutionId: input.institutionId,
      signedOn: input.signedOn ?? today,
      today,
    }),
  write: ({ version, membership }, { principal, today, mechanism }, input) =>
    Effect.gen(function* () {
      const signature: Memorandum.Signature = {
        membershipId: membership.id,
        institutionId: input.institutionId,
        signedOn: input.signedOn ?? today,
      }
      const sealedSigner = yield* (yield* Vault.Vault).seal(
        input.signer.trim(),
        signerAad(input.memorandumId, input.version, input.institutionId),
      )
      const repository = yield* MechanismRepository
      yield* repository.updateMechanism(mechanism, input.expectedVersion ?? mechanism.version)
      yield* repository.insertSignature(version.memorandumId, version.version, signature, sealedSigner)
      yield* record(principal, mechanism.id, "write")
      yield* emit(MechanismEvents.topics.memorandumSigned, mechanism.id, {
        mechanismId: mechanism.id,
        memorandumId: version.memorandumId,
        version: version.version,
        membershipId: membership.id,
        institutionId: input.institutionId,
      })
      return { ...version, signatures: [...version.signatures, signature] }
    }),
})
