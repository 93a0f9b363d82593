/**
 * The survivor's voice on her case: how she may be reached safely, what she
 * was told, and her wishes with the outcome at each case review — one page,
 * each part its own section (`SafeContactSection`, `SurvivorToldSection`,
 * `CaseReviewsSection`).
 */
import { CaseRecordsPage } from "./CaseRecordsPage"
import { CaseReviewsSection } from "./CaseReviewsSection"
import { SafeContactSection } from "./SafeContactSection"
import { SurvivorToldSection } from "./SurvivorToldSection"

export const SurvivorVoicePage = ({ caseId }: { readonly caseId: string }) => (
  <CaseRecordsPage caseId={caseId} title="web.survivor.title">
    {(data) => (
      <>
        <SafeContactSection data={data} />
        <SurvivorToldSection data={data} />
        <CaseReviewsSection data={data} />
      </>
    )}
  </CaseRecordsPage>
)
