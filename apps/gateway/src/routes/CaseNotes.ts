/**
 * `/v1/cases/:caseId/notes`: a case's notes in words. Writing is the case
 * team's; each reader sees the notes their visibility allows (the whole team,
 * full-access members, or the author's institution), and every note shown is
 * audited. A note is never edited: a correction (`If-Match` of the version it
 * corrects, and a reason) is its next version, and the note's history keeps
 * them all. The case package decides who may (`CaseNotes`).
 */
import { CaseNote, CaseNotes, CaseworkService } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "case-notes"

const CasePath = Schema.Struct({ caseId: Id.CaseId })
const NotePath = Schema.Struct({ caseId: Id.CaseId, noteId: CaseNote.CaseNoteId })

const NotePage = Keyset.pageSchema(CaseNote.CaseNote, "CaseNotePage")

const write = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/notes",
  operationId: "writeCaseNote",
  tag,
  summary: "Write a note on the case, visible to the whole team, full-access members, or your institution",
  pathSchema: CasePath,
  bodySchema: CaseNotes.WriteNote.pipe(Schema.omit("caseId")),
  // The receipt: an answer is kept for retries in the clear, so it holds no text.
  success: { status: 201, schema: CaseNote.Receipt },
  etag: (note) => note.version,
  handle: ({ path, body }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.notes.write({ ...body, caseId: path.caseId }),
    ),
})

const list = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/notes",
  operationId: "listCaseNotes",
  tag,
  summary: "The case's notes you may see, each at its latest version, oldest first (every note shown is audited)",
  pathSchema: CasePath,
  querySchema: Keyset.query({}),
  success: { status: 200, schema: NotePage },
  handle: ({ path, query }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.notes.list({
        caseId: path.caseId,
        limit: query.limit,
        ...(query.after === undefined ? {} : { after: query.after }),
      }),
    ),
})

const history = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/notes/:noteId/versions",
  operationId: "readCaseNoteHistory",
  tag,
  summary: "Every version of a note, oldest first, with who corrected it, when and why (audited)",
  pathSchema: NotePath,
  success: { status: 200, schema: Schema.Array(CaseNote.CaseNote) },
  etag: (versions) => versions.at(-1)?.version ?? 0,
  handle: ({ path }) => Effect.flatMap(CaseworkService.CaseworkService, (casework) => casework.notes.history(path)),
})

const correct = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/notes/:noteId/corrections",
  operationId: "correctCaseNote",
  tag,
  summary: "Correct a note with a reason: a new version, the earlier ones kept (If-Match: the version corrected)",
  pathSchema: NotePath,
  bodySchema: CaseNotes.CorrectNote.pipe(Schema.omit("caseId", "noteId", "expectedVersion")),
  // The receipt: an answer is kept for retries in the clear, so it holds no text.
  success: { status: 201, schema: CaseNote.Receipt },
  ifMatch: true,
  etag: (note) => note.version,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.notes.correct({ ...body, ...path, expectedVersion: expectedVersion ?? 0 }),
    ),
})

/** The case-note routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [write, list, history, correct]
