// Erasure of a case's personal data: the administrator only. Asked of an open
// case (the high-risk one), the administrator passes the policy and is
// refused as such (422, `case.erasure.case-open`), so the matrix erases
// nothing; the mechanism's members are refused (403); others outside it do
// not learn the case exists (404). The erasure itself is in
// `casework/Erasure.test.ts`.
import { etagOf, hidden, type Scenario, statuses, type World } from "./Matrix"

const high = (w: World) => {
  const found = w.seeded.cases
  if (found === undefined) throw new Error("the demo seeds cases")
  return `/v1/cases/${found.highRisk.caseId}`
}

export const erasureScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "eraseCase",
    label: "erase a case's personal data: the administrator only (an open case: refused as such)",
    request: async (w) => ({
      method: "POST",
      path: `${high(w)}/erasure`,
      body: { reason: "Data subject's request, ref. 2026/7" },
      ifMatch: await etagOf(w, high(w)),
    }),
    expect: hidden(statuses(403, { administrator: 422 })),
  },
]
