/**
 * Why the host would not start: one error per plugin problem, naming the
 * plugin and what is wrong with it — never a configuration value, which may
 * be a secret.
 */
import { Schema } from "effect"

/**
 * The kinds of start-up failure:
 *
 * - `import-failed`: the package named in the configuration could not be imported;
 * - `not-a-plugin`: the module exports no plugin made by `definePlugin`;
 * - `manifest-invalid`: the manifest breaks a rule (name, version, range, capabilities);
 * - `name-mismatch`: the configuration names a package whose plugin has another name;
 * - `duplicate`: two plugins with one name or one id;
 * - `host-api-mismatch`: the plugin's `hostApi` range excludes this host's API version;
 * - `config-invalid`: the plugin's configuration does not decode (`field` names where);
 * - `capability-not-granted`: a capability the plugin requires is not granted to it;
 * - `capability-not-provided`: a granted service capability has no provider in this host;
 * - `hook-invalid`: a hook is malformed (a duplicate name, a bad path);
 * - `webhook-secret-missing`: webhook routes without a signing secret in the configuration;
 * - `setup-failed`: `setup` failed or ran past its time limit.
 */
export const Reason = Schema.Literal(
  "import-failed",
  "not-a-plugin",
  "manifest-invalid",
  "name-mismatch",
  "duplicate",
  "host-api-mismatch",
  "config-invalid",
  "capability-not-granted",
  "capability-not-provided",
  "hook-invalid",
  "webhook-secret-missing",
  "setup-failed",
)

export type Reason = typeof Reason.Type

/**
 * A plugin that cannot start. `detail` is a sentence for the operator;
 * `field` is the configuration path at fault (`config-invalid`).
 */
export class PluginStartError extends Schema.TaggedError<PluginStartError>()("PluginStartError", {
  plugin: Schema.String,
  reason: Reason,
  detail: Schema.String,
  field: Schema.optional(Schema.String),
}) {
  override get message(): string {
    return `plugin ${this.plugin} cannot start (${this.reason}): ${this.detail}`
  }
}
