/**
 * A case as its pages read it (one query per case, so what a form on any of
 * them changes shows on all), and a command on it from one of their forms
 * (`useVersionedCommand` over that query).
 */
import type { BashkeClient } from "@bashke/client"
import { useQuery } from "@tanstack/react-query"
import { useApi } from "./Session"
import { useVersionedCommand } from "./VersionedCommand"

export { ifMatch } from "./VersionedCommand"

/** The case, read once for every page and section that shows it. */
export const useCase = (caseId: string) => {
  const api = useApi()
  return useQuery({
    queryKey: ["case", caseId],
    queryFn: async () => (await api.GET("/v1/cases/{caseId}", { params: { path: { caseId } } })).data,
  })
}

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
