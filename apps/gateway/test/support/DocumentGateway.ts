// Documents through a gateway started as its own process (`bench/GatewayProcess`):
// an upload of a streamed body (no Content-Length), a download, and a case of
// the demo the case manager may attach documents to.
import type { GatewayProcess } from "../../bench/GatewayProcess"
import { digestOf, disposition, file } from "./DocumentBytes"

/** Uploads `body` to the case as a court decision (a PDF), under `idempotencyKey`. */
export const upload = (
  server: GatewayProcess,
  caseId: string,
  body: ReadableStream<Uint8Array>,
  idempotencyKey = `document-${Math.random()}`,
): Promise<Response> =>
  fetch(`${server.url}/v1/cases/${caseId}/documents?kind=court-decision`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${server.tokens.caseManager}`,
      "idempotency-key": idempotencyKey,
      "content-type": "application/pdf",
      "content-disposition": disposition("Aktvendimi.pdf"),
    },
    body,
    duplex: "half",
  } as RequestInit)

/** The document's content, as the case manager downloads it. */
export const download = (server: GatewayProcess, caseId: string, id: string): Promise<Response> =>
  fetch(`${server.url}/v1/cases/${caseId}/documents/${id}/content?purpose=case-management`, {
    headers: { authorization: `Bearer ${server.tokens.caseManager}` },
  })

/**
 * A case of the demo the case manager may attach documents to: the first that
 * takes a small upload (then downloaded, so both paths' code is loaded).
 */
export const documentCase = async (server: GatewayProcess): Promise<string> => {
  const listed = await fetch(`${server.url}/v1/cases?mechanismId=${server.mechanismId}`, {
    headers: { authorization: `Bearer ${server.tokens.caseManager}` },
  })
  const items = ((await listed.json()) as { items: ReadonlyArray<{ id: string }> }).items
  for (const item of items) {
    const tried = await upload(server, item.id, file(100 * 1024).stream)
    if (tried.status === 201) {
      await digestOf((await download(server, item.id, ((await tried.json()) as { id: string }).id)).body)
      return item.id
    }
    await tried.body?.cancel()
  }
  throw new Error("no case of the demo takes a document")
}
