/**
 * The kinds of service a directory lists, after the survivor's needs in the
 * Kosovo Standard Operating Procedures (2013) and the list. Each has a
 * label in the referral catalogue (`referral.service-type.<code>`).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A service type.
 *
 * @since 0.1.0
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

/**
 * @since 0.1.0
 */
export type ServiceType = typeof ServiceType.Type

/**
 * Every service type, in the order above.
 *
 * @since 0.1.0
 */
export const all: ReadonlyArray<ServiceType> = ServiceType.literals

/**
 * The catalogue key of a service type's label.
 *
 * @since 0.1.0
 */
export const labelKey = (type: ServiceType): `referral.service-type.${ServiceType}` => `referral.service-type.${type}`
