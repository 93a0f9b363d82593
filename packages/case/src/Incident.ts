/**
 * An incident of violence recorded in a case: when and in which municipality it
 * happened, its forms (Istanbul Convention art. 3), whether children were
 * present or witnessed it, and where the report came from, with the source
 * institution's own reference (a police report number) so records can be
 * matched without copying them.
 */
import { CivilDate, Errors, Id, Municipality } from "@bashke/kernel"
import { Either, Schema } from "effect"
import { Instant } from "./internal/Instant"

/**
 * A form of violence (Istanbul Convention art. 3).
 */
export const ViolenceForm = Schema.Literal("physical", "sexual", "psychological", "economic").annotations({
  identifier: "ViolenceForm",
  message: () => ({ message: "case.incident.form.unknown", override: true }),
})

export type ViolenceForm = typeof ViolenceForm.Type

/**
 * Where the report of an incident came from. `police-report` makes the police
 * early risk assessment required (see `RiskAssessment.missingRequiredAssessments`).
 */
export const IncidentSource = Schema.Literal(
  "police-report",
  "self-referral",
  "health",
  "school",
  "social-work",
  "victim-advocacy",
  "shelter",
  "prosecution",
  "court",
  "civil-society",
  "other",
).annotations({
  identifier: "IncidentSource",
  message: () => ({ message: "case.incident.source.unknown", override: true }),
})

export type IncidentSource = typeof IncidentSource.Type

/**
 * The kind of place (Istanbul Convention art. 11 statistics), never an address.
 */
export const Place = Schema.Literal("home", "public-space", "workplace", "school", "online", "other").annotations({
  identifier: "IncidentPlace",
  message: () => ({ message: "case.incident.place.unknown", override: true }),
})

export type Place = typeof Place.Type

/**
 * Whether children were there: `none`, `present` (in the place), `witnessed`
 * (saw or heard it) or `not-known`.
 */
export const ChildrenExposure = Schema.Literal("none", "present", "witnessed", "not-known").annotations({
  identifier: "ChildrenExposure",
  message: () => ({ message: "case.incident.children.unknown", override: true }),
})

export type ChildrenExposure = typeof ChildrenExposure.Type

const sourceReferenceMalformed = { message: () => "case.incident.source-reference.malformed" }

/**
 * The source institution's own reference (its report or file number): letters,
 * digits and `/ - .` only, so no name can be typed into it. Every failure is
 * `case.incident.source-reference.malformed`.
 */
export const SourceReference = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9/.-]*$/, sourceReferenceMalformed),
  Schema.maxLength(60, sourceReferenceMalformed),
  Schema.annotations({ identifier: "IncidentSourceReference", ...sourceReferenceMalformed }),
)

/**
 * An incident. `perpetrators` are persons of the case (alleged perpetrators);
 * `sourceInstitution` and `sourceReference` say who reported it and under
 * which number of theirs.
 */
export const Incident = Schema.Struct({
  id: Id.IncidentId,
  occurredOn: CivilDate.CivilDate,
  municipality: Municipality.MunicipalityCode,
  place: Schema.optional(Place),
  forms: Schema.NonEmptyArray(ViolenceForm),
  children: ChildrenExposure,
  perpetrators: Schema.Array(Id.PersonId),
  source: IncidentSource,
  sourceInstitution: Schema.optional(Id.InstitutionId),
  sourceReference: Schema.optional(SourceReference),
  recordedAt: Instant,
}).annotations({ identifier: "Incident" })

export type Incident = typeof Incident.Type

/**
 * The rules on an incident at position `index`, recorded on `today` (the
 * jurisdiction's day): it did not happen in the future
 * (`case.incident.date-in-future`), its forms are not repeated
 * (`case.incident.form.duplicate`), and each perpetrator is one of
 * `perpetratorIds` (`case.incident.perpetrator.unknown`).
 */
export const validate = (
  incident: Incident,
  index: number,
  today: CivilDate.CivilDate,
  perpetratorIds: ReadonlySet<string>,
): Either.Either<Incident, Errors.InvalidInput> => {
  const field = (name: string) => `incidents.${index}.${name}`
  if (incident.occurredOn > today)
    return Either.left(new Errors.InvalidInput({ field: field("occurredOn"), rule: "case.incident.date-in-future" }))
  if (new Set(incident.forms).size !== incident.forms.length)
    return Either.left(new Errors.InvalidInput({ field: field("forms"), rule: "case.incident.form.duplicate" }))
  const stranger = incident.perpetrators.findIndex((id) => !perpetratorIds.has(id))
  if (stranger >= 0)
    return Either.left(
      new Errors.InvalidInput({ field: field(`perpetrators.${stranger}`), rule: "case.incident.perpetrator.unknown" }),
    )
  return Either.right(incident)
}

/**
 * Whether children were present at or witnessed the incident.
 */
export const childrenExposed = (incident: Incident): boolean =>
  incident.children === "present" || incident.children === "witnessed"

/**
 * The catalogue key of a form's label.
 */
export const formLabelKey = (form: ViolenceForm): `case.incident.form.${ViolenceForm}` => `case.incident.form.${form}`

/**
 * The catalogue key of a source's label.
 */
export const sourceLabelKey = (source: IncidentSource): `case.incident.source.${IncidentSource}` =>
  `case.incident.source.${source}`
