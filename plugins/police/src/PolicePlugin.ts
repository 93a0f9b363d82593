/**
 * The police plugin: pulls incident reports from the police API with a
 * cursor, accepts CSV files on a signed webhook, applies each report
 * ({@link ReportImport}) and notifies the police of referrals sent to them
 * as far as consent allows ({@link ReferralNotice}).
 */
import { definePlugin, type Hooks, RecordRef } from "@bashke/plugin-sdk"
import { Duration, Effect, Option, Schema } from "effect"
import * as ConsentWithdrawal from "./ConsentWithdrawal"
import * as PoliceApi from "./PoliceApi"
import { PoliceConfig } from "./PoliceConfig"
import * as PoliceCsv from "./PoliceCsv"
import * as ReferralNotice from "./ReferralNotice"
import * as ReportImport from "./ReportImport"

/**
 * The inbox source of every report, pulled or uploaded: one source, so a
 * report that arrives both ways is imported once.
 */
export const source = "police"

/**
 * The pull's name (it keys the cursor; `pulls.reports` in the host
 * configuration).
 */
export const pullName = "reports"

/**
 * The CSV upload route, under `/v1/plugins/police`.
 */
export const csvPath = "/reports/csv"

const isRecordId = Schema.is(RecordRef.RecordId)

const reportIdOf = (record: unknown): string | undefined => {
  if (typeof record !== "object" || record === null) return undefined
  const id = (record as { reportId?: unknown }).reportId
  return typeof id === "string" && isRecordId(id) ? id : undefined
}

// A record without a usable report id still goes to the inbox, under an id
// made of its place in the page, so it becomes a visible dead letter instead
// of vanishing. The same page asked again gives the same ids.
const placeholderId = (cursor: Option.Option<string>, index: number): string =>
  `invalid:${encodeURIComponent(Option.getOrElse(cursor, () => "start")).slice(0, 150)}:${index}`

export const plugin = definePlugin({
  manifest: {
    name: "@bashke/plugin-police",
    version: "0.1.0",
    hostApi: "^0.1.0",
    description: "Imports police domestic-violence incident reports into cases",
    config: PoliceConfig,
    capabilities: ["schedule:pull", "routes:webhook", "incidents:import", "persons:match", "review-queue:write"],
    optionalCapabilities: ["events:subscribe", "notices:send"],
  },
  setup: (context) => {
    const config = context.config
    const policeInstitution = config.policeInstitution
    const notices = context.notices
    return {
      pulls: [
        {
          name: pullName,
          source,
          every: Duration.seconds(config.intervalSeconds),
          run: (cursor) =>
            Effect.map(PoliceApi.fetchPage(config, cursor), (page) => ({
              records: page.records.map((record, index) => ({
                recordId: reportIdOf(record) ?? placeholderId(cursor, index),
                payload: record,
              })),
              cursor: page.next ?? undefined,
              // A full page with a new cursor: more are waiting. An upstream
              // that answers the same cursor again is not pulled again at once.
              more:
                page.next !== null &&
                page.records.length >= config.pageSize &&
                page.next !== Option.getOrUndefined(cursor),
            })),
        },
      ],
      webhooks: [
        {
          method: "POST",
          path: csvPath,
          source,
          handle: (request) =>
            Effect.sync(() => {
              const parsed = PoliceCsv.parseFile(request.text())
              if (parsed._tag === "Left") {
                const { reason, ...where } = parsed.left
                return { status: 400, body: { rule: `police.csv.${reason}`, ...where } }
              }
              const seen = new Set<string>()
              const records: Array<{ recordId: string; payload: unknown }> = []
              const rejected: Array<{ line: number; code: string }> = []
              for (const row of parsed.right) {
                if (!isRecordId(row.reportId)) rejected.push({ line: row.line, code: "report-id.invalid" })
                else if (seen.has(row.reportId)) rejected.push({ line: row.line, code: "report-id.repeated" })
                else {
                  seen.add(row.reportId)
                  records.push({ recordId: row.reportId, payload: row.record })
                }
              }
              return { status: 202, body: { accepted: records.length, rejected }, records }
            }),
        },
      ],
      ...(policeInstitution === undefined
        ? {}
        : {
            subscriptions: [
              ...(notices === undefined
                ? []
                : [
                    {
                      name: "referrals-to-police",
                      topics: [ReferralNotice.referralSentTopic] as const,
                      handle: (event: Hooks.DeliveredEvent) =>
                        Effect.asVoid(ReferralNotice.handle({ ...config, policeInstitution }, notices)(event)),
                    },
                  ]),
              {
                name: "consent-withdrawals",
                topics: [ConsentWithdrawal.consentWithdrawnTopic] as const,
                handle: (event: Hooks.DeliveredEvent) =>
                  Effect.asVoid(ConsentWithdrawal.handle({ ...config, policeInstitution })(event)),
              },
            ],
          }),
      process: (record) => Effect.asVoid(ReportImport.apply(context)(record)),
      // A page at once, in the host's one transaction: the same report by
      // report, so a page that fails (one malformed report) falls back to
      // `process` and only that report fails.
      processBatch: ReportImport.applyAll(context),
    }
  },
})
