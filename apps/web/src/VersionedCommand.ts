/**
 * A command on a versioned record (a case, a meeting) from one of its page's
 * forms: sent with the version the page read (`If-Match`), refused by the
 * API's problem (shown by the field it names), or found stale (someone
 * changed the record since: 412) — then the form offers a reload and keeps
 * what was typed, since the form's own state is untouched by refetching.
 */
import type { BashkeClient } from "@bashke/client"
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { fromApi, type Problem } from "./FieldProblem"
import { useApi } from "./Session"
import { isStale } from "./Stale"
import { type Text, useText } from "./Text"

/** The `If-Match` of a version the page read. */
export const ifMatch = (version: number): string => `"${version}"`

export const useVersionedCommand = <B, R = unknown>(options: {
  /** The queries the command changes: refetched after it succeeds and on reload. */
  readonly invalidates: ReadonlyArray<QueryKey>
  readonly version: number
  readonly send: (api: BashkeClient.Client, header: { "If-Match": string }, body: B) => Promise<R>
  readonly done?: (answer: R) => void
  /** The problem of a refusal; by default the API's, at the field it names. */
  readonly problemOf?: (error: unknown, text: Text) => Problem
}) => {
  const api = useApi()
  const text = useText()
  const queryClient = useQueryClient()
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [stale, setStale] = useState(false)
  const refetch = () => Promise.all(options.invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })))
  const mutation = useMutation({
    mutationFn: (body: B) => options.send(api, { "If-Match": ifMatch(options.version) }, body),
    onMutate: () => {
      setProblem(undefined)
      setStale(false)
    },
    onSuccess: async (answer) => {
      await refetch()
      void queryClient.invalidateQueries({ queryKey: ["worklist"] })
      options.done?.(answer)
    },
    onError: (error) => {
      if (isStale(error)) setStale(true)
      else setProblem((options.problemOf ?? fromApi)(error, text))
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
      void refetch()
    },
  }
}
