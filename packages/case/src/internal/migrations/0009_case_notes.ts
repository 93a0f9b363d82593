// Case notes: one row per version of a note, never updated (a correction is
// the next version). Text and correction reason are sealed by the vault (the
// adapter seals them); everything else is ids, a visibility and an instant.
// The latest version of each note of a case is read by case and note id,
// hence the index; (note_id, version) is the key, so two concurrent
// corrections of one version cannot both be written.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE case_notes (
    note_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    case_id TEXT NOT NULL REFERENCES cases (id),
    institution_id TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('team', 'full-access', 'institution')),
    text TEXT NOT NULL,
    reason TEXT,
    written_by TEXT NOT NULL,
    written_at ${instant} NOT NULL,
    PRIMARY KEY (note_id, version),
    CHECK ((version = 1) = (reason IS NULL))
  )`
  yield* sql`CREATE INDEX case_notes_case ON case_notes (case_id, note_id, version)`
})
