/**
 * The search parameters of the app's lists, as schemas: the router validates
 * the URL with them, the screens read the decoded values.
 */
import { RiskInstrument } from "@bashke/case"
import { Cursor } from "@bashke/kernel"
import { ServiceType } from "@bashke/referral"
import { Schema } from "effect"

/** `/cases`: the risk level filter and the keyset cursor. */
export const CasesSearch = Schema.Struct({
  risk: Schema.optional(RiskInstrument.RiskLevel),
  after: Schema.optional(Cursor.Cursor),
})
export type CasesSearch = typeof CasesSearch.Type

/** `/directory`: the service type. */
export const DirectorySearch = Schema.Struct({ type: Schema.optional(ServiceType.ServiceType) })
export type DirectorySearch = typeof DirectorySearch.Type
