/**
 * A command on a case from one of its page's forms: sent with the version the
 * page read (`If-Match`), refused by the API's problem (shown by the field it
 * names), or found stale (someone changed the case since: 412) — then the
 * form offers a reload of the case and keeps what was typed, since the form's
 * own state is untouched by refetching the case.
 */
import type { BashkeClient } from "@bashke/client"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { fromApi, type Problem } from "./FieldProblem"
import { useApi } from "./Session"
import { isStale } from "./Stale"
import { useText } from "./Text"

/** The `If-Match` of a version the page read. */
export const ifMatch = (version: number): string => `"${version}"`

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
) => {
  const api = useApi()
  const text = useText()
  const queryClient = useQueryClient()
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [stale, setStale] = useState(false)
  const mutation = useMutation({
    mutationFn: (body: B) => send(api, { caseId }, { "If-Match": ifMatch(version) }, body),
    onMutate: () => {
      setProblem(undefined)
      setStale(false)
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["case", caseId] })
      void queryClient.invalidateQueries({ queryKey: ["worklist"] })
      done?.()
    },
    onError: (error) => {
      if (isStale(error)) setStale(true)
      else setProblem(fromApi(error, text))
    },
  })
  return {
    run: mutation.mutate,
    pending: mutation.isPending,
    problem,
    setProblem,
    stale,
    reload: () => {
      setStale(false)
      void queryClient.invalidateQueries({ queryKey: ["case", caseId] })
    },
  }
}
