/**
 * The name of the person who signed a memorandum version for an institution
 * is read by someone who keeps the mechanism's contacts; the audit entry is
 * written in the transaction that reads the sealed name.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`
 * (`mechanism.contacts.forbidden`) or `NotFound` (the version or the
 * signature).
 */
import { Errors, Id, type Principal } from "@bashke/kernel"
import { Vault } from "@bashke/security"
import { Effect, Schema } from "effect"
import { useCase } from "./internal/Input"
import { type Requirements, record, requireContactsKeeper, signerAad } from "./internal/Steps"
import { MechanismRepository } from "./MechanismRepository"

/**
 * Input of `readSigner`.
 */
export const ReadSigner = Schema.Struct({
  mechanismId: Id.MechanismId,
  memorandumId: Id.MemorandumId,
  version: Schema.Int.pipe(Schema.positive()),
  institutionId: Id.InstitutionId,
})

export type ReadSigner = typeof ReadSigner.Encoded

/**
 * The signer's name, opened.
 */
export const read: (
  input: ReadSigner,
) => Effect.Effect<
  string,
  Errors.InvalidInput | Errors.NotFound | Errors.Forbidden,
  Requirements | Principal.CurrentPrincipal
> = useCase({
  span: "MechanismService.readSigner",
  command: ReadSigner,
  load: (input) =>
    Effect.gen(function* () {
      const principal = yield* requireContactsKeeper(input.mechanismId, "mechanism.memorandum.signer.read")
      const repository = yield* MechanismRepository
      const memoranda = yield* repository.memoranda(input.mechanismId)
      if (!memoranda.some((v) => v.memorandumId === input.memorandumId && v.version === input.version))
        return yield* new Errors.NotFound({ entity: "MemorandumVersion", id: `${input.memorandumId}/${input.version}` })
      return {
        principal,
        sealed: yield* repository.sealedSigner(input.memorandumId, input.version, input.institutionId),
      }
    }),
  decide: () => Effect.void,
  write: (_, { principal, sealed }, input) =>
    Effect.gen(function* () {
      yield* record(principal, input.mechanismId, "read")
      return yield* (yield* Vault.Vault)
        .open(sealed, signerAad(input.memorandumId, input.version, input.institutionId))
        .pipe(Effect.orDie)
    }),
})
