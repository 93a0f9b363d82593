/**
 * The pages of a case's records — notes, documents, the survivor's voice — as
 * the router loads them: one chunk, fetched when the first of them is opened
 * (one dynamic import for the three keeps the first page's script to a single
 * preload list).
 */
export { CaseDocumentsPage } from "./CaseDocuments"
export { CaseNotesPage } from "./CaseNotes"
export { SurvivorVoicePage } from "./SurvivorVoice"
