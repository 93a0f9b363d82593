/**
 * `@bashke/mechanism`: local coordination mechanisms — the mechanism and its
 * lifecycle, memberships with sealed representative contacts, the memorandum
 * of agreement in versions with signatures, and the composition check.
 *
 * @since 0.1.0
 */

/**
 * Calendar dates and the day an instant falls on in the jurisdiction.
 *
 * @since 0.1.0
 */

/**
 * Representatives' and deputies' contacts: personal data, sealed.
 *
 * @since 0.1.0
 */
export * as Contacts from "./Contacts"

/**
 * The coordinator's countersignature of a memorandum signature: the use case.
 *
 * @since 0.1.0
 */
export * as CountersignMemorandum from "./CountersignMemorandum"

/**
 * The mechanism: municipality, name, coordinator, status, cadence, quorum.
 *
 * @since 0.1.0
 */
export * as Mechanism from "./Mechanism"

/**
 * The events written to the outbox.
 *
 * @since 0.1.0
 */
export * as MechanismEvents from "./MechanismEvents"

/**
 * The mechanism's status as a state machine.
 *
 * @since 0.1.0
 */
export * as MechanismLifecycle from "./MechanismLifecycle"
/**
 * The package's part of the message catalogue.
 *
 * @since 0.1.0
 */
export * as MechanismMessages from "./MechanismMessages"
/**
 * @since 0.1.0
 */
export { mechanismMessages } from "./MechanismMessages"
/**
 * @since 0.1.0
 */
export { mechanismMigrations } from "./MechanismMigrations"
/**
 * Who records and who countersigns a memorandum signature.
 *
 * @since 0.1.0
 */
export * as MechanismPolicy from "./MechanismPolicy"

/**
 * The repository port.
 *
 * @since 0.1.0
 */
export * as MechanismRepository from "./MechanismRepository"
/**
 * The use cases.
 *
 * @since 0.1.0
 */
export * as MechanismService from "./MechanismService"
/**
 * The read side for other packages: `get`, `members`, `isSignatory`, `signatories`.
 *
 * @since 0.1.0
 */
export * as Mechanisms from "./Mechanisms"
/**
 * Memberships and `isMember`.
 *
 * @since 0.1.0
 */
export * as Membership from "./Membership"
/**
 * Memorandum versions, signatures, `inForce`, `isSignatory`, `compositionGaps`.
 *
 * @since 0.1.0
 */
export * as Memorandum from "./Memorandum"

/**
 * The repository on `@effect/sql`.
 *
 * @since 0.1.0
 */
export * as SqlMechanismRepository from "./SqlMechanismRepository"
