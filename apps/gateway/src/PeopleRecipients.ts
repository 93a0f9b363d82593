/**
 * The notifications' `Recipients` bound to the people of `@bashke/identity`,
 * asked at sending time: the active people holding a grant in the mechanism,
 * reached by the same audience rule as a principal's worklist
 * (`Audiences.includes`), each in the language they chose; the installation's
 * active administrators; and an address opened only when a mail is about to
 * go, through the people's audited read (the platform reads it, for the
 * mechanism's administration). A person deactivated, or whose grants changed,
 * is reached as they are now — never as they were when the deadline was set.
 *
 * API tokens reach nobody: a token carries no address nor language, and a
 * token made for a person acts under that person's id, so the person is
 * reached as themselves (their in-app list is the same one).
 */
import { People } from "@bashke/identity"
import { Principal } from "@bashke/kernel"
import { Audiences, Recipients } from "@bashke/notifications"
import { Effect, Layer, Option } from "effect"

const recipientOf = (acting: People.Acting): Recipients.Recipient => ({
  id: acting.principal.id,
  locale: acting.language,
})

export const layer: Layer.Layer<Recipients.Recipients, never, People.People> = Layer.effect(
  Recipients.Recipients,
  Effect.map(
    People.People,
    (people): Recipients.Service => ({
      reach: (mechanism, audience) =>
        Effect.map(people.activeIn(mechanism), (acting) =>
          acting.filter((each) => Audiences.includes(each.principal, mechanism, audience)).map(recipientOf),
        ),
      administrators: Effect.map(people.activeAdministrators, (acting) => acting.map(recipientOf)),
      find: (id) =>
        Effect.map(
          people.language(id),
          Option.map((locale) => ({ id, locale })),
        ),
      openEmail: (id) => people.openEmail(id, { actor: Principal.platformId, purpose: "mechanism-administration" }),
    }),
  ),
)
