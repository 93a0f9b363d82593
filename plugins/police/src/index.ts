/**
 * `@bashke/plugin-police`: imports police domestic-violence incident reports
 * — JSON over HTTP with a cursor, and CSV files on a signed webhook — into
 * cases, matching the victim by the personal number's blind index and sending
 * anything uncertain to a human review queue; and notifies the police of
 * referrals sent to them, as far as consent allows. The default export is the
 * plugin for the Bashkë host.
 *
 * @since 0.1.0
 */
import { plugin } from "./PolicePlugin"

/**
 * @since 0.1.0
 */
export default plugin

/**
 * A withdrawn consent that covered the police, told to the police API.
 *
 * @since 0.1.0
 */
export * as ConsentWithdrawal from "./ConsentWithdrawal"
/**
 * @since 0.1.0
 */
export * as Csv from "./Csv"
/**
 * @since 0.1.0
 */
export * as PoliceApi from "./PoliceApi"
/**
 * @since 0.1.0
 */
export * as PoliceConfig from "./PoliceConfig"
/**
 * @since 0.1.0
 */
export * as PoliceCsv from "./PoliceCsv"
/**
 * @since 0.1.0
 */
export * as PoliceFailure from "./PoliceFailure"
/**
 * @since 0.1.0
 */
export * as PolicePlugin from "./PolicePlugin"
/**
 * @since 0.1.0
 */
export * as PoliceRecord from "./PoliceRecord"

/**
 * @since 0.1.0
 */
export * as ReferralNotice from "./ReferralNotice"
/**
 * @since 0.1.0
 */
export * as ReportImport from "./ReportImport"
/**
 * @since 0.1.0
 */
export { plugin }
