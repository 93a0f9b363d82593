/**
 * A referral as FHIR R4: a `ServiceRequest` (what the sender asks for) and a
 * `Task` (the receiver's work on it, which carries the closed loop). Both hold
 * only ids and codes: the case is a logical reference by identifier, never a
 * person's details.
 *
 * Status mapping:
 *
 * | referral       | ServiceRequest.status | Task.status   |
 * | -------------- | --------------------- | ------------- |
 * | `sent`         | `active`              | `requested`   |
 * | `acknowledged` | `active`              | `received`    |
 * | `accepted`     | `active`              | `accepted`    |
 * | `declined`     | `revoked`             | `rejected`    |
 * | `in-service`   | `active`              | `in-progress` |
 * | `completed`    | `completed`           | `completed`   |
 * | `cancelled`    | `revoked`             | `cancelled`   |
 * | `revoked`      | `revoked`             | `cancelled`   |
 *
 * A declined request is `revoked` because it can no longer be acted on (FHIR
 * has no "refused" request status; the refusal is the Task's `rejected`). The
 * exact referral status is kept in `Task.businessStatus`, and the decline,
 * cancellation or revocation reason or the completion outcome in
 * `Task.statusReason`. Urgency `high` is priority `urgent`, `standard` is
 * `routine`.
 */
import type * as Directory from "./Directory"
import type * as Referral from "./Referral"

/**
 * The code systems of the export (URNs: Bashkë publishes no terminology server).
 */
export const systems = {
  referral: "urn:bashke:referral",
  case: "urn:bashke:case",
  institution: "urn:bashke:institution",
  service: "urn:bashke:service",
  consent: "urn:bashke:consent",
  serviceType: "urn:bashke:service-type",
  reason: "urn:bashke:referral-reason",
  status: "urn:bashke:referral-status",
} as const

/**
 * A FHIR resource, as plain JSON.
 */
export type Resource = { readonly resourceType: string; readonly [key: string]: unknown }

const requestStatus: Readonly<Record<Referral.Status, string>> = {
  sent: "active",
  acknowledged: "active",
  accepted: "active",
  declined: "revoked",
  "in-service": "active",
  completed: "completed",
  cancelled: "revoked",
  revoked: "revoked",
}

const taskStatus: Readonly<Record<Referral.Status, string>> = {
  sent: "requested",
  acknowledged: "received",
  accepted: "accepted",
  declined: "rejected",
  "in-service": "in-progress",
  completed: "completed",
  cancelled: "cancelled",
  revoked: "cancelled",
}

/**
 * The FHIR status pair of a referral status.
 */
export const statusOf = (status: Referral.Status): { readonly serviceRequest: string; readonly task: string } => ({
  serviceRequest: requestStatus[status],
  task: taskStatus[status],
})

const byIdentifier = (type: string, system: string, value: string) => ({ type, identifier: { system, value } })
const coded = (system: string, code: string) => ({ coding: [{ system, code }] })

/**
 * The referral as a `ServiceRequest`; `service` (from the directory) supplies the
 * requested service type.
 */
export const toServiceRequest = (referral: Referral.Referral, service: Directory.Service): Resource => ({
  resourceType: "ServiceRequest",
  id: referral.id,
  identifier: [{ system: systems.referral, value: referral.id }],
  status: requestStatus[referral.status],
  intent: "order",
  priority: referral.urgency === "high" ? "urgent" : "routine",
  code: coded(systems.serviceType, service.type),
  subject: byIdentifier("Patient", systems.case, referral.case),
  authoredOn: referral.history[0].at.toISOString(),
  requester: byIdentifier("Organization", systems.institution, referral.from),
  performer: [byIdentifier("HealthcareService", systems.service, referral.service)],
  reasonCode: [coded(systems.reason, referral.reason)],
  ...(referral.basis._tag === "Consent"
    ? { supportingInfo: [byIdentifier("Consent", systems.consent, referral.basis.consent)] }
    : {}),
})

/**
 * The referral as a `Task` based on its `ServiceRequest`.
 */
export const toTask = (referral: Referral.Referral): Resource => {
  const last = referral.history[referral.history.length - 1] ?? referral.history[0]
  return {
    resourceType: "Task",
    id: referral.id,
    identifier: [{ system: systems.referral, value: referral.id }],
    basedOn: [{ reference: `ServiceRequest/${referral.id}` }],
    status: taskStatus[referral.status],
    businessStatus: coded(systems.status, referral.status),
    ...(last.code === undefined ? {} : { statusReason: coded(systems.reason, last.code) }),
    intent: "order",
    priority: referral.urgency === "high" ? "urgent" : "routine",
    for: byIdentifier("Patient", systems.case, referral.case),
    authoredOn: referral.history[0].at.toISOString(),
    lastModified: last.at.toISOString(),
    requester: byIdentifier("Organization", systems.institution, referral.from),
    owner: byIdentifier("Organization", systems.institution, referral.to),
  }
}
