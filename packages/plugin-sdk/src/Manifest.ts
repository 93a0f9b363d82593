/**
 * A plugin's manifest: who it is, which host API versions it supports, how
 * its configuration is decoded, and which capabilities it asks for.
 *
 * ```ts
 * manifest: {
 *   name: "@bashke/plugin-police",
 *   version: "0.1.0",
 *   hostApi: "^0.1.0",
 *   config: Schema.Struct({ baseUrl: Schema.String }),
 *   capabilities: ["schedule:pull", "incidents:import", "persons:match"],
 *   optionalCapabilities: ["notices:send"],
 * }
 * ```
 */
import { Either, Schema } from "effect"
import * as Capability from "./Capability"
import * as HostApi from "./HostApi"

/**
 * The manifest. `capabilities` are required: the plugin does not start unless
 * the host grants all of them. `optionalCapabilities` are used when granted:
 * their services are optional keys of the context, present at run time only
 * when granted, and their hooks are ignored when not.
 */
export interface Manifest<
  Config = unknown,
  ConfigEncoded = unknown,
  Required extends Capability.Capability = Capability.Capability,
  Optional extends Capability.Capability = never,
> {
  /** The npm name of the plugin's package. */
  readonly name: string
  /** The plugin's version (semver). */
  readonly version: string
  /** The host API versions it supports: a semver range against `HostApi.hostApiVersion`. */
  readonly hostApi: string
  /** Decodes the plugin's configuration; an invalid one stops the host, naming the field. */
  readonly config: Schema.Schema<Config, ConfigEncoded, never>
  readonly capabilities: ReadonlyArray<Required>
  readonly optionalCapabilities?: ReadonlyArray<Optional>
  /** One line for operators (`Imports police incident reports`). */
  readonly description?: string
}

const namePattern = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/
const idPattern = /^[a-z0-9][a-z0-9-]{0,62}$/

/**
 * The short id of a plugin, used in URLs (`/v1/plugins/<id>/`), health checks
 * and logs: the package name without its scope and without a leading
 * `plugin-` or `bashke-plugin-` (`@bashke/plugin-police` → `police`,
 * `bashke-plugin-court` → `court`, `@acme/connector` → `connector`), with any
 * character other than `a-z 0-9 -` turned into `-`.
 */
export const idOf = (name: string): string =>
  (name.split("/").pop() ?? name)
    .replace(/^(?:bashke-)?plugin-/, "")
    .replace(/[^a-z0-9-]/g, "-")
    .slice(0, 63)

/**
 * The problems of a manifest, as sentences naming the field (empty when it is
 * valid). Checked again by the host at start-up: a plugin compiled against
 * another SDK may not have been type-checked against this one.
 */
export const problems = (manifest: unknown): ReadonlyArray<string> => {
  if (typeof manifest !== "object" || manifest === null) return ["the manifest is not an object"]
  const m = manifest as Record<string, unknown>
  const out: Array<string> = []
  if (typeof m.name !== "string" || m.name.length > 214 || !namePattern.test(m.name)) {
    out.push("name: not an npm package name")
  } else if (!idPattern.test(idOf(m.name))) out.push("name: gives no usable plugin id")
  if (typeof m.version !== "string" || !HostApi.isSemver(m.version)) out.push("version: not a semantic version")
  if (typeof m.hostApi !== "string") out.push("hostApi: not a semver range")
  else {
    const range = HostApi.parseRange(m.hostApi)
    if (Either.isLeft(range)) out.push(`hostApi: ${range.left}`)
  }
  if (!Schema.isSchema(m.config)) out.push("config: not an effect Schema")
  const lists: ReadonlyArray<readonly [string, unknown]> = [
    ["capabilities", m.capabilities],
    ["optionalCapabilities", m.optionalCapabilities ?? []],
  ]
  const seen = new Set<unknown>()
  for (const [field, list] of lists) {
    if (!Array.isArray(list)) {
      out.push(`${field}: not a list`)
      continue
    }
    for (const [index, capability] of list.entries()) {
      if (!Capability.isCapability(capability))
        out.push(
          `${field}.${index}: ${JSON.stringify(String(capability).slice(0, 40))} is not a capability this host knows`,
        )
      else if (seen.has(capability)) out.push(`${field}.${index}: listed twice`)
      seen.add(capability)
    }
  }
  return out
}
