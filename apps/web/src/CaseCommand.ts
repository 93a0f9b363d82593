/**
 * A command on a case from one of its page's forms (`useVersionedCommand`
 * over the case's query).
 */
import type { BashkeClient } from "@bashke/client"
import { useVersionedCommand } from "./VersionedCommand"

export { ifMatch } from "./VersionedCommand"

export const useCaseCommand = <B>(
  caseId: string,
  version: number,
  send: (
    api: BashkeClient.Client,
    path: { caseId: string },
    header: { "If-Match": string },
    body: B,
  ) => Promise<unknown>,
  done?: () => void,
) =>
  useVersionedCommand<B>({
    invalidates: [["case", caseId]],
    version,
    send: (api, header, body) => send(api, { caseId }, header, body),
    ...(done === undefined ? {} : { done: () => done() }),
  })
