/**
 * `review-queue:write`: a plugin's uncertain records go to the gateway's
 * review queue (`ReviewItems`), once per (plugin, source, record id), for the
 * coordinators of the mechanisms the plugin's principal serves. A proposal is
 * sealed with the institution of the plugin's principal, which stays its
 * reporter when a coordinator applies it.
 */
import type { Id } from "@bashke/kernel"
import { ReviewQueue } from "@bashke/plugin-sdk"
import type { Vault } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Layer, Option } from "effect"
import { PluginPrincipals } from "./PluginConfig"
import * as ReviewItems from "./ReviewItems"

export const layer: Layer.Layer<
  ReviewQueue.ReviewQueue,
  never,
  SqlClient.SqlClient | Vault.Vault | Id.IdGenerator | PluginPrincipals
> = Layer.effect(
  ReviewQueue.ReviewQueue,
  Effect.gen(function* () {
    const context = yield* Effect.context<SqlClient.SqlClient | Vault.Vault | Id.IdGenerator>()
    const principals = yield* PluginPrincipals
    return {
      forPlugin: (plugin) => ({
        submit: (item) => {
          const settings = Option.getOrUndefined(principals.of(plugin.name))
          // The reporting institution is kept with the proposal: whoever resolves the item, the
          // record stays the plugin's.
          const reporter =
            settings === undefined
              ? undefined
              : {
                  institution: settings.institution,
                  ...(settings.petitioner === undefined ? {} : { petitioner: settings.petitioner }),
                }
          return ReviewItems.submit(plugin.id, settings?.mechanisms ?? [], item, reporter).pipe(Effect.provide(context))
        },
      }),
    }
  }),
)
