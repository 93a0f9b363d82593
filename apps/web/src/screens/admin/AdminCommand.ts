/**
 * A command from an administration form: sent (with the `If-Match` of the
 * version the page read, where the route needs one), refused by the API's
 * problem (shown by the field it names), or found stale (412) — then the form
 * offers a reload and keeps what was typed. On success the queries the page
 * read are read again.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { fromApi, type Problem } from "../../FieldProblem"
import { isStale } from "../../Stale"
import { type Text, useText } from "../../Text"

export const useAdminCommand = <B, A = unknown>(
  send: (body: B) => Promise<A>,
  options: {
    readonly refresh: ReadonlyArray<ReadonlyArray<unknown>>
    readonly done?: (answer: A) => void
    /** The problem of a refusal; by default the API's, at the field it names. */
    readonly problemOf?: (error: unknown, text: Text) => Problem
  },
) => {
  const text = useText()
  const queryClient = useQueryClient()
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [stale, setStale] = useState(false)
  const refresh = () => Promise.all(options.refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })))
  const mutation = useMutation({
    mutationFn: send,
    onMutate: () => {
      setProblem(undefined)
      setStale(false)
    },
    onSuccess: async (answer) => {
      await refresh()
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
    succeeded: mutation.isSuccess,
    answer: mutation.data,
    problem,
    setProblem,
    stale,
    reload: () => {
      setStale(false)
      void refresh()
    },
  }
}
