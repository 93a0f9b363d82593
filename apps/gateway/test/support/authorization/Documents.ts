// Documents: the same rules as the case's personal data. Uploading one about
// the victim is a personal write (social work and the shelter, whom she
// consented to); listing and downloading are personal reads for a stated
// purpose by the same; summary-only members (health) and everyone off the
// team are refused. Withdrawing is the uploader's institution's (social work).
import { disposition, pdfHeader } from "../DocumentBytes"
import { reusable, type Scenario, statuses, type World } from "./Matrix"

const high = (w: World) => {
  const found = w.seeded.cases
  if (found === undefined) throw new Error("the demo seeds cases")
  return { documents: `/v1/cases/${found.highRisk.caseId}/documents`, victim: found.highRisk.victim }
}

const pdf = new TextEncoder().encode(`${pdfHeader}1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`)
const fileHeaders = {
  "content-type": "application/pdf",
  "content-disposition": disposition("Formulari i pëlqimit.pdf"),
}

/** A document about the victim, uploaded by the case manager (social work). */
const uploadAsCaseManager = async (w: World): Promise<string> => {
  const response = await w.gateway.request(
    "POST",
    `${high(w).documents}?kind=consent-form&personId=${high(w).victim}`,
    {
      token: w.tokens.caseManager,
      rawBody: pdf,
      headers: fileHeaders,
    },
  )
  const text = await response.text()
  if (response.status !== 201) throw new Error(`setting up: a document answered ${response.status} ${text}`)
  return (JSON.parse(text) as { id: string }).id
}

/** A document to read: uploaded once, read by every caller. */
const readable = reusable(uploadAsCaseManager, async () => true)

/** A document to withdraw: a fresh one once the last was withdrawn. */
const withdrawable = reusable(uploadAsCaseManager, async (w, id) => {
  const response = await w.gateway.request("GET", `${high(w).documents}/${id}/content?purpose=case-management`, {
    token: w.tokens.caseManager,
  })
  await response.body?.cancel()
  return response.status === 200
})

export const documentScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "uploadCaseDocument",
    label: "a document about the victim: team members she consented to (a personal write)",
    request: async (w) => ({
      method: "POST",
      path: `${high(w).documents}?kind=medical-report&personId=${high(w).victim}`,
      rawBody: pdf,
      headers: fileHeaders,
    }),
    expect: statuses(403, { caseManager: 201, shelterWorker: 201 }),
  },
  {
    operationId: "listCaseDocuments",
    label: "the case's documents: a personal read for a purpose, summary-only members refused",
    request: async (w) => ({ method: "GET", path: `${high(w).documents}?purpose=case-management` }),
    expect: statuses(403, { caseManager: 200, shelterWorker: 200 }),
  },
  {
    operationId: "downloadCaseDocument",
    label: "a document's content: a personal read for a purpose, summary-only members refused",
    request: async (w) => ({
      method: "GET",
      path: `${high(w).documents}/${await readable(w)}/content?purpose=case-management`,
    }),
    expect: statuses(403, { caseManager: 200, shelterWorker: 200 }),
  },
  {
    operationId: "withdrawCaseDocument",
    label: "withdrawing a document: the institution that uploaded it only",
    request: async (w) => ({ method: "POST", path: `${high(w).documents}/${await withdrawable(w)}/withdrawal` }),
    expect: statuses(403, { caseManager: 200 }),
  },
]
