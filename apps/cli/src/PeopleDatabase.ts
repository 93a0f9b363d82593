/**
 * What the `bashke people` commands share: the gateway's services over the
 * database of `BASHKE_DATABASE_URL` (migrated first), with the keys a start
 * would use — `BASHKE_VAULT_KEYS` and `BASHKE_BLIND_INDEX_KEY`, or the demo's
 * for the demo's own database — and the operator as the current principal.
 */

import type { Services } from "@bashke/gateway"
import { openServices, VaultKeysRequired } from "@bashke/gateway/server"
import { Catalogue, type Id, type Locale, Principal } from "@bashke/kernel"
import { DatabaseUrl } from "@bashke/persistence"
import { Console, Effect } from "effect"
import { cliMessages } from "./CliMessages"
import type { Invocation } from "./Command"

/**
 * The operator at the shell: the installation's administrator, acting under
 * the platform's id (no person's), so the audit log tells their changes from
 * anyone's signed in.
 */
export const operator: Principal.Principal = {
  id: Principal.platformId as Id.PrincipalId,
  kind: "api-token",
  roles: ["administrator"],
  mechanisms: [],
}

/**
 * Runs `program` as the operator over the services of the configured
 * database; a database that needs keys not given stops the command naming
 * the variable.
 */
export const asOperator = <A, E>(
  input: Pick<Invocation<never>, "locale" | "stop">,
  program: Effect.Effect<A, E, Services.GatewayServices | Principal.CurrentPrincipal>,
): Effect.Effect<A, E | unknown> =>
  Effect.gen(function* () {
    const url = process.env.BASHKE_DATABASE_URL ?? DatabaseUrl.defaultValue
    const parsed = yield* DatabaseUrl.decode(url)
    yield* Console.log(
      Catalogue.format(cliMessages, input.locale as Locale.Locale, "cli.database", {
        database: DatabaseUrl.describe(parsed),
      }),
    )
    const opened = yield* Effect.tryPromise({
      try: () => openServices({ databaseUrl: url }),
      catch: (error) => error,
    }).pipe(
      Effect.catchAll((error) =>
        error instanceof VaultKeysRequired
          ? input.stop("cli.start.keys-required", { variable: error.variable })
          : Effect.fail(error),
      ),
    )
    return yield* Effect.acquireUseRelease(
      Effect.succeed(opened),
      (services) =>
        Effect.promise(() =>
          services.runtime.runPromiseExit(Effect.provideService(program, Principal.CurrentPrincipal, operator)),
        ).pipe(Effect.flatten),
      (services) => Effect.promise(() => services.close()),
    )
  })
