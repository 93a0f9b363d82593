import { Services } from "@bashke/gateway"
import { Grants, Invitation, Invitations, identityMessages } from "@bashke/identity"
import { Catalogue, Input, Locale, Principal, Sector } from "@bashke/kernel"
import { SmtpSettings } from "@bashke/notifications"
import { Console, Effect } from "effect"
import { cliMessages } from "../CliMessages"
import * as Command from "../Command"
import { withTokenTable } from "../TokenDatabase"

const messages = Catalogue.make({
  "cli.people-invite.summary": {
    sq: "fton një person (lidhja tregohet vetëm një herë)",
    "sr-Latn": "poziva osobu (veza se prikazuje samo jednom)",
    en: "invites a person (the link is shown only once)",
  },
  "cli.people-invite.help": {
    sq: "Përdorimi: bashke people invite --name <emër> --email <adresë> --language <gjuhë> --role <rol> [--mechanism <id>] [--institution <id> --sector <sektor>]\n\nShton personin me rolet e tij dhe shtyp një lidhje ftese të përdorshme një herë, që skadon pas 7 ditësh. Në hyrjen e parë personi vendos një çelës kalimi ose fjalëkalim me aplikacion vërtetimi.\n\n  --name <emër>         emri që shohin kolegët\n  --email <adresë>      adresa e-poste e personit\n  --language <gjuhë>    një nga: {languages}\n  --role <rol>          një nga: {roles} (mund të përsëritet)\n  --mechanism <id>      mekanizmi i roleve të mekanizmit (mund të përsëritet)\n  --institution <id>    institucioni i personit (i nevojshëm për rolet institucionale, me --sector)\n  --sector <sektor>     sektori i institucionit: {sectors}",
    "sr-Latn":
      "Upotreba: bashke people invite --name <ime> --email <adresa> --language <jezik> --role <uloga> [--mechanism <id>] [--institution <id> --sector <sektor>]\n\nDodaje osobu sa njenim ulogama i ispisuje vezu pozivnice za jednokratnu upotrebu, koja ističe posle 7 dana. Pri prvoj prijavi osoba podešava pristupni ključ ili lozinku sa aplikacijom za potvrdu.\n\n  --name <ime>          ime koje vide kolege\n  --email <adresa>      adresa e-pošte osobe\n  --language <jezik>    jedan od: {languages}\n  --role <uloga>        jedna od: {roles} (može se ponoviti)\n  --mechanism <id>      mehanizam za uloge u mehanizmu (može se ponoviti)\n  --institution <id>    institucija osobe (potrebna za institucionalne uloge, uz --sector)\n  --sector <sektor>     sektor institucije: {sectors}",
    en: "Usage: bashke people invite --name <name> --email <address> --language <language> --role <role> [--mechanism <id>] [--institution <id> --sector <sector>]\n\nAdds the person with their roles and prints a one-time invitation link that expires after 7 days. At the first sign-in the person sets up a passkey, or a password with an authenticator app.\n\n  --name <name>         the name colleagues see\n  --email <address>     the person's email address\n  --language <language> one of: {languages}\n  --role <role>         one of: {roles} (repeatable)\n  --mechanism <id>      the mechanism of mechanism roles (repeatable)\n  --institution <id>    the person's institution (needed by the institutional roles, with --sector)\n  --sector <sector>     the institution's sector: {sectors}",
  },
  "cli.people-invite.invalid": {
    sq: "Ftesë e pavlefshme: {field} ({rule})",
    "sr-Latn": "Neispravna pozivnica: {field} ({rule})",
    en: "Invalid invitation: {field} ({rule})",
  },
  "cli.people-invite.refused": {
    sq: "Ftesa nuk u krijua: {reason}",
    "sr-Latn": "Pozivnica nije napravljena: {reason}",
    en: "The invitation was not made: {reason}",
  },
  "cli.people-invite.created": {
    sq: "Personi {id} u ftua. Jepini këtë lidhje vetëm atij; nuk do të tregohet më:",
    "sr-Latn": "Osoba {id} je pozvana. Dajte ovu vezu samo njoj; neće biti ponovo prikazana:",
    en: "Person {id} invited. Give this link to them alone; it will not be shown again:",
  },
})

// The operator at the console acts as the installation's administrator, under the platform's id.
const operator: Principal.Principal = {
  id: Principal.platformId,
  kind: "api-token",
  roles: ["administrator"],
  mechanisms: [],
}

/** `bashke people invite`: the person added, their invitation link on a line of its own, once. */
export const command = Command.make({
  words: ["people", "invite"],
  messages,
  summary: "cli.people-invite.summary",
  help: "cli.people-invite.help",
  helpParams: () => ({
    roles: Principal.roles.join(", "),
    languages: Locale.Locale.literals.join(", "),
    sectors: Sector.Sector.literals.join(", "),
  }),
  flags: [
    { name: "name", kind: "value" },
    { name: "email", kind: "value" },
    { name: "language", kind: "value" },
    { name: "role", kind: "value", repeatable: true },
    { name: "mechanism", kind: "value", repeatable: true },
    { name: "institution", kind: "value" },
    { name: "sector", kind: "value" },
  ],
  run: (input) =>
    Effect.gen(function* () {
      // Checked before the database is opened: a wrong request creates nothing.
      const mechanisms = input.values("mechanism")
      const grants = input
        .values("role")
        .flatMap(
          (role): Array<{ role: string; mechanism: string | null }> =>
            mechanisms.length > 0 && (Grants.mechanismRoles as ReadonlyArray<string>).includes(role)
              ? mechanisms.map((mechanism) => ({ role, mechanism }))
              : [{ role, mechanism: null }],
        )
      const decoded = Input.decodeEither({ messages: cliMessages, fallback: "cli.token.invalid" })(
        Invitation.NewInvitation,
      )({
        displayName: input.values("name")[0],
        email: input.values("email")[0],
        language: input.values("language")[0],
        institution: input.values("institution")[0],
        sector: input.values("sector")[0],
        grants,
      })
      // Field and rule only: the name and the address are personal data, never echoed.
      if (decoded._tag === "Left")
        return yield* input.stop("cli.people-invite.invalid", { field: decoded.left.field, rule: decoded.left.rule })
      const origin = SmtpSettings.defaults.publicUrl
      const publicUrl = (process.env[SmtpSettings.variables.publicUrl] ?? "").trim() || origin
      const issued = yield* withTokenTable(
        input.locale,
        Invitations.invite(decoded.right).pipe(
          // The refusals of the invitation itself; missing keys fail the command as a whole.
          Effect.either,
          Effect.provideService(Principal.CurrentPrincipal, operator),
          Effect.provide(Services.layer(Services.keysFromConfig)),
        ),
      )
      if (issued._tag === "Left")
        return yield* input.stop("cli.people-invite.refused", {
          reason:
            "rule" in issued.left
              ? Catalogue.format(identityMessages, input.locale, issued.left.rule as never)
              : Catalogue.format(identityMessages, input.locale, "identity.invitation.forbidden"),
        })
      yield* input.say("cli.people-invite.created", { id: issued.right.person })
      // The token rides in the fragment, which no server, proxy or log sees.
      yield* Console.log(`${publicUrl.replace(/\/+$/, "")}/invitation#token=${issued.right.token}`)
    }),
})
