/**
 * `@bashke/plugin-police`: imports police domestic-violence incident reports
 * — JSON over HTTP with a cursor, and CSV files on a signed webhook — into
 * cases, matching the victim by the personal number's blind index and sending
 * anything uncertain to a human review queue; and notifies the police of
 * referrals sent to them, as far as consent allows. The default export is the
 * plugin for the Bashkë host.
 */
import { plugin } from "./PolicePlugin"

export default plugin

/**
 * A withdrawn consent that covered the police, told to the police API.
 */
export * as ConsentWithdrawal from "./ConsentWithdrawal"
export * as Csv from "./Csv"
export * as PoliceApi from "./PoliceApi"
export * as PoliceConfig from "./PoliceConfig"
export * as PoliceCsv from "./PoliceCsv"
export * as PoliceFailure from "./PoliceFailure"
export * as PolicePlugin from "./PolicePlugin"
export * as PoliceRecord from "./PoliceRecord"

export * as ReferralNotice from "./ReferralNotice"
export * as ReportImport from "./ReportImport"
export { plugin }
