// The case-note routes: the case team writes and reads (each reader only the
// notes their visibility allows: a health worker with summary access gets a
// 404 for a full-access note, so its existence is not told), and only the
// note's institution corrects it.
import { type Caller, get, type Request, type Scenario, setUp, statuses, type World } from "./Matrix"

const high = (w: World) => {
  const found = w.seeded.cases
  if (found === undefined) throw new Error("the demo seeds cases")
  return `/v1/cases/${found.highRisk.caseId}`
}

/** The high-risk case's team: police, social work and the shelter with full access, health with summary access. */
const wholeTeam = (status: number): Partial<Record<Caller, number>> => ({
  policeOfficer: status,
  caseManager: status,
  shelterWorker: status,
  nurse: status,
})

/** A note the police write with `visibility`, for a scenario to read or correct. */
const policeNote = async (w: World, visibility: string): Promise<{ readonly id: string; readonly etag: string }> => {
  const written = await setUp<{ id: string }>(w, "policeOfficer", "POST", `${high(w)}/notes`, {
    body: { text: "Visited the family with the social worker; the children were at school.", visibility },
  })
  return { id: written.body.id, etag: written.etag }
}

export const caseNoteScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "writeCaseNote",
    label: "the case team writes notes, summary access included",
    request: async (w) => ({
      method: "POST",
      path: `${high(w)}/notes`,
      body: { text: "Called the school counsellor about the older child.", visibility: "team" },
    }),
    expect: statuses(403, wholeTeam(201)),
  },
  {
    operationId: "listCaseNotes",
    label: "the case team lists the notes their visibility allows",
    request: get((w) => `${high(w)}/notes`),
    expect: statuses(403, wholeTeam(200)),
  },
  {
    operationId: "readCaseNoteHistory",
    label: "a full-access note's history: full-access members; summary access does not learn it exists",
    request: async (w): Promise<Request> => {
      const note = await policeNote(w, "full-access")
      return { method: "GET", path: `${high(w)}/notes/${note.id}/versions` }
    },
    expect: statuses(403, { ...wholeTeam(200), nurse: 404 }),
  },
  {
    operationId: "correctCaseNote",
    label: "only the note's institution corrects it, with a reason",
    request: async (w): Promise<Request> => {
      const note = await policeNote(w, "team")
      return {
        method: "POST",
        path: `${high(w)}/notes/${note.id}/corrections`,
        body: {
          text: "Visited the family with the social worker; the younger child was at home.",
          reason: "The younger child was at home, not at school.",
        },
        ifMatch: note.etag,
      }
    },
    expect: statuses(403, { policeOfficer: 201 }),
  },
]
