/**
 * `@bashke/plugin-court`: protection-order status sync with a court — issued,
 * extended, expired, breached, rejected, hearing dates — by **pull** (`GET
 * {baseUrl}/orders/changes?since=<cursor>`) and by signed **webhook** (`POST
 * /v1/plugins/court/orders/changes`), applied to the case package's orders
 * through the `protection-orders:sync` capability, which drives its deadline
 * alerts. Each change is applied once, an older one never moves an order
 * backwards, and a change that matches no order or case goes to the review
 * queue (with `review-queue:write`) — never guessed.
 */
import { definePlugin } from "@bashke/plugin-sdk"
import { Effect } from "effect"
import * as ApplyChange from "./ApplyChange"
import * as ChangeRecords from "./ChangeRecords"
import * as ChangesFeed from "./ChangesFeed"
import * as ChangesWebhook from "./ChangesWebhook"
import { CourtConfig } from "./CourtConfig"

/**
 * The plugin. Required capabilities: `schedule:pull`, `routes:webhook`,
 * `protection-orders:sync`; optional: `review-queue:write`.
 */
export const plugin = definePlugin({
  manifest: {
    name: "@bashke/plugin-court",
    version: "0.1.0",
    hostApi: "^0.1.0",
    description: "Protection-order status sync with a court, by pull and by webhook",
    config: CourtConfig,
    capabilities: ["schedule:pull", "routes:webhook", "protection-orders:sync"],
    optionalCapabilities: ["review-queue:write"],
  },
  setup: (context) => ({
    pulls: [
      {
        name: "order-changes",
        every: "5 minutes",
        source: ChangeRecords.source,
        run: (cursor) => ChangesFeed.fetchPage(context.config, cursor),
      },
    ],
    webhooks: [
      {
        method: "POST",
        path: "/orders/changes",
        source: ChangeRecords.source,
        handle: ChangesWebhook.handle,
      },
    ],
    process: (record) =>
      Effect.asVoid(
        ApplyChange.apply({ protectionOrders: context.protectionOrders, reviewQueue: context.reviewQueue }, record),
      ),
  }),
})

export default plugin

export * as ApplyChange from "./ApplyChange"

export * as ChangeRecords from "./ChangeRecords"

export * as ChangesFeed from "./ChangesFeed"

export * as ChangesWebhook from "./ChangesWebhook"

export * as CourtConfig from "./CourtConfig"

export * as OrderChange from "./OrderChange"
