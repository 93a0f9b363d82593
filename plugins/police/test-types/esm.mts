// Compiled against the built package (dist) by `check:package`: the plugin and
// every namespace member that is both a value and a type, from ESM.
import plugin, {
  type Csv,
  type PoliceApi,
  type PoliceConfig,
  type PoliceCsv,
  PoliceFailure,
  PolicePlugin,
  PoliceRecord,
  ReferralNotice,
  type ReportImport,
} from "@bashke/plugin-police"

const name: string = plugin.manifest.name
const same: typeof plugin = PolicePlugin.plugin
const record: PoliceRecord.PoliceRecord | undefined = undefined
const schema = PoliceRecord.PoliceRecord
const config: PoliceConfig.PoliceConfig | undefined = undefined
const page: PoliceApi.Page | undefined = undefined
const rows: ReadonlyArray<Csv.Row> = []
const column: PoliceCsv.Column = "report_id"
const outcome: ReportImport.Outcome = "recorded"
const topic: string = ReferralNotice.referralSentTopic
const failure = PoliceFailure.malformed("forms")

export { column, config, failure, name, outcome, page, record, rows, same, schema, topic }
