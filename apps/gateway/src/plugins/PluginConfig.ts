/**
 * The gateway's plugin configuration (`BASHKE_PLUGINS_CONFIG`): the SDK's
 * `HostConfig`, each plugin's settings extended with what only the gateway
 * needs — the **principal** the plugin acts as when it calls a capability
 * (kind `plugin`, an institution, the mechanisms it serves). The SDK's
 * settings refuse unknown fields, so the gateway's are split off before the
 * rest is decoded by `HostConfig.decode`.
 */
import { type Errors, Id, type Principal, Sector } from "@bashke/kernel"
import { HostConfig, PluginPolicy, PluginStartError } from "@bashke/plugin-sdk"
import { Context, Effect, Either, Layer, Option, Schema } from "effect"

/**
 * Who a plugin is when it acts: `id` is its principal id (audited), the
 * institution and mechanisms bound its access exactly as a person's would be
 * (it must be on the case team). `petitioner` is who is recorded as having
 * asked for a protection order the plugin reports first.
 */
export const PluginPrincipalSettings = Schema.Struct({
  id: Id.PrincipalId,
  institution: Id.InstitutionId,
  sector: Schema.optional(Sector.Sector),
  mechanisms: Schema.Array(Id.MechanismId),
  petitioner: Schema.optional(Schema.Literal("victim", "representative", "police", "social-work", "victim-advocate")),
})

export type PluginPrincipalSettings = typeof PluginPrincipalSettings.Type

/** The gateway's part of one plugin's settings. */
export const GatewayPluginSettings = Schema.Struct({
  package: Schema.String,
  principal: Schema.optional(PluginPrincipalSettings),
})

const Split = Schema.Struct({
  plugins: Schema.Array(Schema.Struct({ package: Schema.String, principal: Schema.optional(Schema.Unknown) })),
})

/** The decoded configuration: the SDK's part and each plugin's principal, by package name. */
export interface PluginConfig {
  readonly host: HostConfig.HostConfig
  readonly principals: ReadonlyMap<string, PluginPrincipalSettings>
}

const invalid = (field: string, detail: string) =>
  new PluginStartError.PluginStartError({
    plugin: "(host configuration)",
    reason: "config-invalid",
    field,
    detail,
  })

/** Decodes the JSON configuration; a problem names the field, never its value. */
export const decode = (input: unknown): Effect.Effect<PluginConfig, PluginStartError.PluginStartError> =>
  Effect.gen(function* () {
    const split = Schema.decodeUnknownEither(Split)(input)
    if (Either.isLeft(split)) {
      const { field, problem } = HostConfig.firstProblem(split.left)
      return yield* Effect.fail(invalid(field, `${field} is ${problem}`))
    }
    const principals = new Map<string, PluginPrincipalSettings>()
    const plugins: Array<unknown> = []
    const raw = (input as { readonly plugins: ReadonlyArray<Record<string, unknown>> }).plugins
    for (const [index, settings] of raw.entries()) {
      const { principal, ...rest } = settings
      plugins.push(rest)
      if (principal === undefined) continue
      const decoded = Schema.decodeUnknownEither(PluginPrincipalSettings, { onExcessProperty: "error" })(principal)
      if (Either.isLeft(decoded)) {
        const { field, problem } = HostConfig.firstProblem(decoded.left)
        const path = `plugins.${index}.principal.${field}`
        return yield* Effect.fail(invalid(path, `${path} is ${problem}`))
      }
      principals.set(String(rest.package), decoded.right)
    }
    const host = yield* HostConfig.decode({ ...(input as object), plugins })
    return { host, principals }
  })

/**
 * The principals plugins act as, by plugin name (its npm package name). A
 * plugin without one can reach no case: every capability call is refused.
 */
export class PluginPrincipals extends Context.Tag("@bashke/gateway/PluginPrincipals")<
  PluginPrincipals,
  { readonly of: (pluginName: string) => Option.Option<PluginPrincipalSettings> }
>() {}

export const principalsLayer = (principals: ReadonlyMap<string, PluginPrincipalSettings>) =>
  Layer.succeed(PluginPrincipals, { of: (name) => Option.fromNullable(principals.get(name)) })

/** The kernel principal of a plugin's settings. */
export const toPrincipal = (settings: PluginPrincipalSettings): Principal.Principal => ({
  id: settings.id,
  kind: "plugin",
  institution: settings.institution,
  ...(settings.sector === undefined ? {} : { sector: settings.sector }),
  roles: ["case-worker"],
  mechanisms: settings.mechanisms,
})

/** The principal a plugin acts as, or `Forbidden` when the configuration gives it none (`PluginPolicy`). */
export const actingAs = (
  principals: Context.Tag.Service<PluginPrincipals>,
  pluginName: string,
): Effect.Effect<
  { readonly settings: PluginPrincipalSettings; readonly principal: Principal.Principal },
  Errors.Forbidden
> =>
  Effect.map(PluginPolicy.requireActingPrincipal(principals.of(pluginName)), (settings) => ({
    settings,
    principal: toPrincipal(settings),
  }))
