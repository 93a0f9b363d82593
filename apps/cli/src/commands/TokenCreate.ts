import { ApiTokens, GatewaySettings } from "@bashke/gateway"
import { Catalogue, Id, Input, Principal, Sector } from "@bashke/kernel"
import { Console, Duration, Effect, Option, Schema } from "effect"
import { cliMessages } from "../CliMessages"
import * as Command from "../Command"
import { withTokenTable } from "../TokenDatabase"

const messages = Catalogue.make({
  "cli.token-create.summary": {
    sq: "krijon një token API (tregohet vetëm një herë)",
    "sr-Latn": "pravi API token (prikazuje se samo jednom)",
    en: "makes an API token (shown only once)",
  },
  "cli.token-create.help": {
    sq: 'Përdorimi: bashke token create --role <rol> [--institution <id> --sector <sektor>] [--mechanism <id>] --label <emër> [--expires-in <kohë>]\n\nKrijon një token API për një lidhës ose një skript. Sekreti tregohet vetëm një herë; ruhet vetëm hash-i i tij.\n\n  --role <rol>          një nga: {roles} (mund të përsëritet)\n  --institution <id>    institucioni për të cilin vepron tokeni (i nevojshëm për rolet institucionale, me --sector)\n  --sector <sektor>     sektori i institucionit: {sectors}\n  --mechanism <id>      mekanizmi ku vepron tokeni (mund të përsëritet)\n  --label <emër>        emri i tokenit: shkronja të vogla, shifra dhe viza\n  --expires-in <kohë>   sa jeton tokeni: p.sh. 30d, 12h ose "30 days" (parazgjedhja BASHKE_TOKEN_LIFETIME, jo më shumë se BASHKE_TOKEN_MAX_LIFETIME)',
    "sr-Latn":
      'Upotreba: bashke token create --role <uloga> [--institution <id> --sector <sektor>] [--mechanism <id>] --label <naziv> [--expires-in <trajanje>]\n\nPravi API token za konektor ili skriptu. Tajna se prikazuje samo jednom; čuva se samo njen heš.\n\n  --role <uloga>        jedna od: {roles} (može se ponoviti)\n  --institution <id>    institucija za koju token radi (potrebna za institucionalne uloge, uz --sector)\n  --sector <sektor>     sektor institucije: {sectors}\n  --mechanism <id>      mehanizam u kome token radi (može se ponoviti)\n  --label <naziv>       naziv tokena: mala slova, cifre i crtice\n  --expires-in <trajanje>  koliko token traje: npr. 30d, 12h ili "30 days" (podrazumevano BASHKE_TOKEN_LIFETIME, najviše BASHKE_TOKEN_MAX_LIFETIME)',
    "sr-Cyrl":
      'Употреба: bashke token create --role <улога> [--institution <id> --sector <сектор>] [--mechanism <id>] --label <назив> [--expires-in <трајање>]\n\nПрави API токен за конектор или скрипту. Тајна се приказује само једном; чува се само њен хеш.\n\n  --role <улога>        једна од: {roles} (може се поновити)\n  --institution <id>    институција за коју токен ради (потребна за институционалне улоге, уз --sector)\n  --sector <сектор>     сектор институције: {sectors}\n  --mechanism <id>      механизам у коме токен ради (може се поновити)\n  --label <назив>       назив токена: мала слова, цифре и цртице\n  --expires-in <трајање>  колико токен траје: нпр. 30d, 12h или "30 days" (подразумевано BASHKE_TOKEN_LIFETIME, највише BASHKE_TOKEN_MAX_LIFETIME)',
    en: "Usage: bashke token create --role <role> [--institution <id> --sector <sector>] [--mechanism <id>] --label <label> [--expires-in <duration>]\n\nMakes an API token for a connector or a script. The secret is shown once; only its hash is stored.\n\n  --role <role>         one of: {roles} (repeatable)\n  --institution <id>    the institution the token acts for (needed by the institutional roles, with --sector)\n  --sector <sector>     the institution's sector: {sectors}\n  --mechanism <id>      a mechanism the token acts in (repeatable)\n  --label <label>       the token's name: lower-case letters, digits and dashes\n  --expires-in <duration>  how long the token lives: e.g. 30d, 12h or \"30 days\" (BASHKE_TOKEN_LIFETIME by default, at most BASHKE_TOKEN_MAX_LIFETIME)",
  },
  "cli.token-create.invalid-lifetime": {
    sq: "Token i pavlefshëm: --expires-in pranon një kohë pozitive deri në {maximum} ditë (p.sh. 30d, 12h).",
    "sr-Latn": "Neispravan token: --expires-in prihvata pozitivno trajanje do {maximum} dana (npr. 30d, 12h).",
    "sr-Cyrl": "Неисправан токен: --expires-in прихвата позитивно трајање до {maximum} дана (нпр. 30d, 12h).",
    en: "Invalid token request: --expires-in accepts a positive duration of at most {maximum} days (e.g. 30d, 12h).",
  },
  "cli.token-create.invalid-role": {
    sq: "Token i pavlefshëm: --role pranon {roles}.",
    "sr-Latn": "Neispravan token: --role prihvata {roles}.",
    "sr-Cyrl": "Неисправан токен: --role прихвата {roles}.",
    en: "Invalid token request: --role accepts {roles}.",
  },
})

const TokenRequest = Schema.Struct({
  label: Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]{0,62}$/)),
  principal: Principal.Principal,
})

const roles = () => Principal.roles.join(", ")

/** `30d`, `12h`, or a duration Effect reads (`"30 days"`); positive and finite, else `undefined`. */
const lifetimeOf = (text: string): Duration.Duration | undefined => {
  const short = /^(\d{1,6})([dh])$/.exec(text.trim())
  const parsed = short
    ? Option.some(short[2] === "d" ? Duration.days(Number(short[1])) : Duration.hours(Number(short[1])))
    : Duration.decodeUnknown(text.trim())
  if (Option.isNone(parsed) || !Duration.isFinite(parsed.value) || Duration.toMillis(parsed.value) <= 0)
    return undefined
  return parsed.value
}

/** `bashke token create`: the secret on a line of its own, once. */
export const command = Command.make({
  words: ["token", "create"],
  messages,
  summary: "cli.token-create.summary",
  help: "cli.token-create.help",
  helpParams: () => ({ roles: roles(), sectors: Sector.Sector.literals.join(", ") }),
  flags: [
    { name: "role", kind: "value", repeatable: true },
    { name: "institution", kind: "value" },
    { name: "sector", kind: "value" },
    { name: "mechanism", kind: "value", repeatable: true },
    { name: "label", kind: "value" },
    { name: "expires-in", kind: "value" },
  ],
  run: (input) =>
    Effect.gen(function* () {
      // Checked before the database is opened: a wrong request creates nothing.
      // A token without a role can do nothing: ask for one, naming those there are.
      if (input.values("role").length === 0)
        return yield* input.stop("cli.token-create.invalid-role", { roles: roles() })
      const decoded = Input.decodeEither({ messages: cliMessages, fallback: "cli.token.invalid" })(TokenRequest)({
        label: input.values("label")[0],
        principal: {
          id: yield* Effect.provide(
            Effect.flatMap(Id.IdGenerator, (ids) => ids.next),
            Id.layer,
          ),
          kind: "api-token",
          institution: input.values("institution")[0],
          sector: input.values("sector")[0],
          roles: input.values("role"),
          mechanisms: input.values("mechanism"),
        },
      })
      if (decoded._tag === "Left") {
        const { field, rule } = decoded.left
        // A role outside the list: name the roles that are accepted.
        return yield* field.startsWith("principal.roles")
          ? input.stop("cli.token-create.invalid-role", { roles: roles() })
          : input.stop("cli.token.invalid", { field, rule })
      }
      const request = decoded.right
      // Checked before the database is opened, against the configured maximum.
      const lifetimes = yield* Effect.try({
        try: () => GatewaySettings.tokenLifetimesOf(process.env),
        catch: (error) => error,
      }).pipe(
        Effect.catchAll((error) =>
          error instanceof GatewaySettings.ConfigInvalid
            ? input.stop("cli.setting-invalid", { variable: error.variable, accepted: error.accepted })
            : Effect.die(error),
        ),
      )
      const asked = input.values("expires-in")[0]
      const lifetime = asked === undefined ? lifetimes.default : lifetimeOf(asked)
      if (lifetime === undefined || Duration.greaterThan(lifetime, lifetimes.maximum))
        return yield* input.stop("cli.token-create.invalid-lifetime", {
          maximum: Math.floor(Duration.toHours(lifetimes.maximum) / 24),
        })
      yield* withTokenTable(
        input.locale,
        Effect.gen(function* () {
          const issued = yield* Effect.flatMap(ApiTokens.ApiTokens, (tokens) =>
            tokens.issue(request.principal, request.label, { lifetime }),
          ).pipe(Effect.orDie)
          yield* input.say("cli.token.created", { id: issued.id })
          yield* Console.log(issued.token)
        }),
      )
    }),
})
