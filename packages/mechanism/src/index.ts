/**
 * `@bashke/mechanism`: local coordination mechanisms — the mechanism and its
 * lifecycle, memberships with sealed representative contacts, the memorandum
 * of agreement in versions with signatures, and the composition check.
 */

/**
 * Calendar dates and the day an instant falls on in the jurisdiction.
 */

/**
 * Representatives' and deputies' contacts: personal data, sealed.
 */
export * as Contacts from "./Contacts"

/**
 * The coordinator's countersignature of a memorandum signature: the use case.
 */
export * as CountersignMemorandum from "./CountersignMemorandum"

/**
 * The institution registry: institutions by name (four languages), sector
 * and municipality; the store's port and the read use cases.
 */
export * as Institutions from "./Institutions"

/**
 * The mechanism: municipality, name, coordinator, status, cadence, quorum.
 */
export * as Mechanism from "./Mechanism"

/**
 * The events written to the outbox.
 */
export * as MechanismEvents from "./MechanismEvents"

/**
 * The mechanism's status as a state machine.
 */
export * as MechanismLifecycle from "./MechanismLifecycle"
/**
 * The package's part of the message catalogue.
 */
/**
 * The mechanism aggregate's lists as pages, paged in SQL by keyset.
 */
export * as MechanismLists from "./MechanismLists"
export * as MechanismMessages from "./MechanismMessages"
export { mechanismMessages } from "./MechanismMessages"
export { mechanismMigrations } from "./MechanismMigrations"
/**
 * Who records and who countersigns a memorandum signature.
 */
export * as MechanismPolicy from "./MechanismPolicy"

/**
 * The repository port.
 */
export * as MechanismRepository from "./MechanismRepository"
/**
 * The use cases.
 */
export * as MechanismService from "./MechanismService"
/**
 * The read side for other packages: `get`, `members`, `isSignatory`, `signatories`.
 */
export * as Mechanisms from "./Mechanisms"
/**
 * Memberships and `isMember`.
 */
export * as Membership from "./Membership"
/**
 * Memorandum versions, signatures, `inForce`, `isSignatory`, `compositionGaps`.
 */
export * as Memorandum from "./Memorandum"

/**
 * An administrator registers an institution (audited).
 */
export * as RegisterInstitution from "./RegisterInstitution"

/**
 * An administrator revises an institution (audited).
 */
export * as ReviseInstitution from "./ReviseInstitution"

/**
 * The institution registry's store on `@effect/sql`.
 */
export * as SqlInstitutionStore from "./SqlInstitutionStore"

/**
 * The repository on `@effect/sql`.
 */
export * as SqlMechanismRepository from "./SqlMechanismRepository"
