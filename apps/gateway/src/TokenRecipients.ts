/**
 * The notifications' `Recipients` until the people's store (the identity
 * package) binds it: the principals of the API tokens not revoked, each once,
 * reached by the same audience rule as a principal's worklist
 * (`Audiences.includes`), in the jurisdiction's default language. Tokens
 * carry no email address, so email reaches nobody through them: the in-app
 * list and the worklist work, and email waits for people with addresses.
 */
import { JurisdictionProfile } from "@bashke/kernel"
import { Audiences, Recipients } from "@bashke/notifications"
import { Effect, Layer, Option } from "effect"
import { ApiTokens } from "./ApiTokens"

export const layer: Layer.Layer<Recipients.Recipients, never, ApiTokens> = Layer.effect(
  Recipients.Recipients,
  Effect.gen(function* () {
    const tokens = yield* ApiTokens
    const principals = Effect.gen(function* () {
      const profile = yield* JurisdictionProfile.CurrentJurisdiction
      const seen = new Map<string, { readonly principal: (typeof listed)[number]["principal"] }>()
      const listed = yield* tokens.list
      for (const token of listed)
        if (token.revokedAt === null && !seen.has(token.principal.id))
          seen.set(token.principal.id, { principal: token.principal })
      return [...seen.values()].map(({ principal }) => ({
        principal,
        recipient: { id: principal.id, locale: profile.languages.defaultLocale },
      }))
    })
    return {
      reach: (mechanism, audience) =>
        Effect.map(principals, (all) =>
          all.filter(({ principal }) => Audiences.includes(principal, mechanism, audience)).map((p) => p.recipient),
        ),
      administrators: Effect.map(principals, (all) =>
        all.filter(({ principal }) => principal.roles.includes("administrator")).map((p) => p.recipient),
      ),
      find: (id) =>
        Effect.map(principals, (all) => Option.fromNullable(all.find((p) => p.recipient.id === id)?.recipient)),
      openEmail: () => Effect.succeed(Option.none()),
    }
  }),
)
