/**
 * A command on a plan from one of its page's forms: sent with the version the
 * page read (`If-Match`), refused by the API's problem (shown by the field it
 * names, in the reader's language), or found stale (someone changed the plan
 * since: 412) — then the form offers a reload and keeps what was typed. On
 * success the page's plan, its report and its history are read again.
 */
import type { BashkeClient, Schemas } from "@bashke/client"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { fromApi, type Problem } from "../../FieldProblem"
import { useApi } from "../../Session"
import { isStale } from "../../Stale"
import { useText } from "../../Text"

export type Plan = Schemas["NamedActionPlan"]

/** The queries that show a plan, to read again after a change. */
export const planKeys = (planId: string) => [
  ["plan", planId],
  ["plan-report", planId],
  ["plan-revisions", planId],
]

export const usePlanCommand = <B>(
  planId: string,
  etag: string,
  send: (api: BashkeClient.Client, header: { "If-Match": string }, body: B) => Promise<unknown>,
  done?: () => void,
) => {
  const api = useApi()
  const text = useText()
  const queryClient = useQueryClient()
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [stale, setStale] = useState(false)
  const mutation = useMutation({
    mutationFn: (body: B) => send(api, { "If-Match": etag }, body),
    onMutate: () => {
      setProblem(undefined)
      setStale(false)
    },
    onSuccess: async () => {
      await Promise.all(planKeys(planId).map((queryKey) => queryClient.invalidateQueries({ queryKey })))
      void queryClient.invalidateQueries({ queryKey: ["plans"] })
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
    done: mutation.isSuccess,
    problem,
    setProblem,
    stale,
    reload: () => {
      setStale(false)
      void queryClient.invalidateQueries({ queryKey: ["plan", planId] })
    },
  }
}
