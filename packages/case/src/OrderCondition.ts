/**
 * What a protection order forbids or requires, as data, so the police and the
 * team see it at a glance: no contact, stay away (a distance, kinds of
 * places), removal from the home, temporary custody (of which children),
 * surrender of weapons, treatment. The kinds are the law's measures, from the
 * jurisdiction profile (`protectionOrders.conditions`); what each kind must
 * state is the profile's too (`needs`).
 *
 * Places are kinds of places, never addresses: an order's conditions are read
 * by everyone on the team and kept in the clear.
 */
import { Errors, Id, type JurisdictionProfile } from "@bashke/kernel"
import { Either, Schema } from "effect"
import type * as Person from "./Person"

/**
 * A kind of place an alleged perpetrator must stay away from.
 */
export const PlaceKind = Schema.Literal("home", "workplace", "school", "childcare", "shelter", "other").annotations({
  identifier: "OrderConditionPlace",
  message: () => ({ message: "case.order.condition.place.unknown", override: true }),
})

export type PlaceKind = typeof PlaceKind.Type

/**
 * The farthest stay-away distance, in metres: beyond it the number is a typing
 * mistake, not an order.
 */
export const maxDistanceMeters = 10_000

/**
 * One condition: its kind (a code of the profile's `protectionOrders.conditions`)
 * and what that kind must state.
 */
export const Condition = Schema.Struct({
  kind: Schema.String.pipe(
    Schema.pattern(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { message: () => "case.order.condition.unknown" }),
  ),
  distanceMeters: Schema.optional(
    Schema.Int.pipe(
      Schema.between(1, maxDistanceMeters, { message: () => "case.order.condition.distance.out-of-range" }),
    ),
  ),
  places: Schema.optional(Schema.Array(PlaceKind)),
  children: Schema.optional(Schema.Array(Id.PersonId)),
}).annotations({ identifier: "OrderCondition" })

export type Condition = typeof Condition.Type

/**
 * The rules on an order's conditions, named from `field` (`conditions`): each
 * kind is the profile's (`case.order.condition.unknown`) and given once
 * (`case.order.condition.duplicate`); a kind that needs a distance, places or
 * children states them (`case.order.condition.<need>-required`, e.g.
 * `conditions.1.distanceMeters`), and one that does not, does not
 * (`case.order.condition.not-applicable`); children are the case's children
 * (`case.order.condition.child-unknown`).
 */
export const validate = (
  conditions: ReadonlyArray<Condition>,
  profile: JurisdictionProfile.JurisdictionProfile,
  persons: ReadonlyArray<Pick<Person.Person, "id" | "role">>,
  field = "conditions",
): Either.Either<ReadonlyArray<Condition>, Errors.InvalidInput> => {
  const refuse = (path: string, rule: string) => Either.left(new Errors.InvalidInput({ field: path, rule }))
  const children = new Set<string>(persons.filter((person) => person.role === "child").map((person) => person.id))
  const seen = new Set<string>()
  for (const [index, condition] of conditions.entries()) {
    const at = (name?: string) => (name === undefined ? `${field}.${index}` : `${field}.${index}.${name}`)
    const kinds = profile.protectionOrders.conditions
    const kind = Object.hasOwn(kinds, condition.kind) ? kinds[condition.kind] : undefined
    if (kind === undefined) return refuse(at("kind"), "case.order.condition.unknown")
    if (seen.has(condition.kind)) return refuse(at("kind"), "case.order.condition.duplicate")
    seen.add(condition.kind)
    const stated = {
      distance: condition.distanceMeters !== undefined,
      places: condition.places !== undefined && condition.places.length > 0,
      children: condition.children !== undefined && condition.children.length > 0,
    }
    const names = { distance: "distanceMeters", places: "places", children: "children" } as const
    for (const need of ["distance", "places", "children"] as const) {
      const needed = kind.needs.includes(need)
      if (needed && !stated[need]) return refuse(at(names[need]), `case.order.condition.${need}-required`)
      if (!needed && stated[need]) return refuse(at(names[need]), "case.order.condition.not-applicable")
    }
    const stranger = (condition.children ?? []).findIndex((child) => !children.has(child))
    if (stranger >= 0) return refuse(at(`children.${stranger}`), "case.order.condition.child-unknown")
  }
  return Either.right(conditions)
}
