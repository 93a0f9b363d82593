// Free texts typed by people (reasons, minutes, decisions, action items) may
// name someone despite the rules, so they are stored sealed by the vault, each
// bound to its place (`<entity>:<id>:<field>`) so it cannot be moved to another
// record. A value that does not open is a defect (a wrong key or tampering).
import type { Vault } from "@bashke/security"
import { Effect } from "effect"

export const seal = (vault: Vault.Service, text: string, aad: string): Effect.Effect<string> => vault.seal(text, aad)

export const open = (vault: Vault.Service, sealed: string, aad: string): Effect.Effect<string> =>
  vault.open(sealed, aad).pipe(Effect.orDie)

export const sealOptional = (
  vault: Vault.Service,
  text: string | undefined,
  aad: string,
): Effect.Effect<string | null> => (text === undefined ? Effect.succeed(null) : seal(vault, text, aad))

export const openOptional = (vault: Vault.Service, sealed: unknown, aad: string): Effect.Effect<string | undefined> =>
  sealed === null || sealed === undefined ? Effect.succeed(undefined) : open(vault, String(sealed), aad)
