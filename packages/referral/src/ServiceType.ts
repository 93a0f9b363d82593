/**
 * The kinds of service a directory lists, after the survivor's needs in the
 * Kosovo Standard Operating Procedures (2013) and the list. Each has a
 * label in the referral catalogue (`referral.service-type.<code>`).
 */
import { Schema } from "effect"

/**
 * A service type.
 */
export const ServiceType = Schema.Literal(
  "shelter",
  "legal-aid",
  "medical-care",
  "psychosocial-counselling",
  "child-protection",
  "economic-empowerment",
  "education",
  "housing",
  "police-protection",
).annotations({
  identifier: "ServiceType",
  message: () => ({ message: "referral.service-type.unknown", override: true }),
})

export type ServiceType = typeof ServiceType.Type

/**
 * Every service type, in the order above.
 */
export const all: ReadonlyArray<ServiceType> = ServiceType.literals

/**
 * The catalogue key of a service type's label.
 */
export const labelKey = (type: ServiceType): `referral.service-type.${ServiceType}` => `referral.service-type.${type}`
