// Compiled against the built package (dist) by `check:package`: the plugin and
// every namespace member that is both a value and a type, from ESM and CJS.

import court, {
  type ApplyChange,
  ChangeRecords,
  ChangesFeed,
  ChangesWebhook,
  CourtConfig,
  OrderChange,
  plugin,
} from "@bashke/plugin-court"
import type { Plugin } from "@bashke/plugin-sdk"
import { Schema } from "effect"

export const any: Plugin.Any = court
export const same: boolean = court === plugin
export const schema: Schema.Schema<OrderChange.OrderChange, OrderChange.OrderChangeEncoded> = OrderChange.OrderChange
export const config: Schema.Schema<CourtConfig.CourtConfig, typeof CourtConfig.CourtConfig.Encoded> =
  CourtConfig.CourtConfig
export const page = ChangesFeed.ChangesPage
export const changes: ReadonlyArray<unknown> | undefined = ChangesWebhook.changesOf([])
export const source: string = ChangeRecords.source
export type Outcome = ApplyChange.Outcome
export const isChange = Schema.is(OrderChange.OrderChange)
