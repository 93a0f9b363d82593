/**
 * Secret references in the plugin configuration. Anywhere in the JSON, the
 * object `{ "$secret": "NAME" }` stands for the value of the secret `NAME`,
 * read when the host starts: from the environment on Node, from the Worker's
 * secrets (`wrangler secret put NAME`) on Workers. So the configuration file —
 * and the Workers bundle generated from it — holds names, never the webhook
 * secrets or API keys themselves. A plain string still works on Node; the
 * Workers build refuses one where a secret belongs (scripts/WorkerPlugins.ts).
 */
import { PluginStartError } from "@bashke/plugin-sdk"
import { Effect } from "effect"

/** `{ "$secret": "NAME" }`. */
export interface SecretReference {
  readonly $secret: string
}

/** What a secret's name may be: an environment variable's name in upper case. */
export const namePattern = /^[A-Z][A-Z0-9_]{0,127}$/

/**
 * The gateway's own keys: never handed to a plugin, whatever the configuration
 * says (a reference to one, by mistake or not, would give a connector the key
 * that opens every survivor's personal data).
 */
export const gatewayKeys: ReadonlySet<string> = new Set(["BASHKE_VAULT_KEYS", "BASHKE_BLIND_INDEX_KEY"])

/** True for an object whose only key is `$secret`. */
export const isReference = (value: unknown): value is SecretReference =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  "$secret" in value

const refuse = (field: string, detail: string) =>
  new PluginStartError.PluginStartError({ plugin: "(host configuration)", reason: "config-invalid", field, detail })

/**
 * `input` with each reference replaced by the value `lookup` gives its name.
 * A malformed name or a secret that is not set fails with `config-invalid`,
 * naming the field and the secret's name, never a value.
 */
export const resolve = (
  input: unknown,
  lookup: (name: string) => string | undefined,
): Effect.Effect<unknown, PluginStartError.PluginStartError> =>
  Effect.suspend(() => {
    const replace = (value: unknown, path: ReadonlyArray<string>): unknown => {
      if (isReference(value)) {
        const field = path.join(".") || "(root)"
        const name = value.$secret
        if (typeof name !== "string" || !namePattern.test(name))
          throw refuse(field, `${field} names a secret in upper-case letters, digits and _`)
        if (gatewayKeys.has(name)) throw refuse(field, `${field} refers to ${name}, a key of the gateway's own`)
        const secret = lookup(name)
        if (secret === undefined || secret === "") throw refuse(field, `${field} refers to ${name}, which is not set`)
        return secret
      }
      if (Array.isArray(value)) return value.map((item, index) => replace(item, [...path, String(index)]))
      if (typeof value === "object" && value !== null)
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replace(item, [...path, key])]))
      return value
    }
    try {
      return Effect.succeed(replace(input, []))
    } catch (error) {
      return error instanceof PluginStartError.PluginStartError ? Effect.fail(error) : Effect.die(error)
    }
  })
