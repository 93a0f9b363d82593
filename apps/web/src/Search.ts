/**
 * The search parameters of the app's lists, as schemas: the router validates
 * the URL with them, the screens read the decoded values.
 */
import { CaseLifecycle, RiskLevel } from "@bashke/case"
import { CursorText, Id } from "@bashke/kernel"
import { ServiceType } from "@bashke/referral"
import { Schema } from "effect"

/** `/cases`: the risk level, open status and lead institution filters, and the keyset cursor. */
export const CasesSearch = Schema.Struct({
  risk: Schema.optional(RiskLevel.RiskLevel),
  status: Schema.optional(CaseLifecycle.OpenStatus),
  lead: Schema.optional(Id.InstitutionId),
  after: Schema.optional(CursorText.Cursor),
})
export type CasesSearch = typeof CasesSearch.Type

/** `/directory`: the service type. */
export const DirectorySearch = Schema.Struct({ type: Schema.optional(ServiceType.ServiceType) })
export type DirectorySearch = typeof DirectorySearch.Type

/**
 * `/referrals`: the status filter and the keyset cursor. The status is checked
 * for its shape here and against the lifecycle's statuses by the API (which
 * answers an unknown one with a problem): `Referral.Status` would bring the
 * referral model's schemas into the first page's script.
 */
export const ReferralsSearch = Schema.Struct({
  status: Schema.optional(Schema.String.pipe(Schema.pattern(/^[a-z]+(-[a-z]+)*$/), Schema.maxLength(32))),
  after: Schema.optional(CursorText.Cursor),
})
export type ReferralsSearch = typeof ReferralsSearch.Type
