/**
 * What the administration pages read about the mechanism the person works in
 * (the first the API lets them see): the mechanism with its version (the
 * `If-Match` of its commands — memberships and memoranda share it), its
 * memberships with their institutions' names, and its memoranda.
 */
import { useQuery } from "@tanstack/react-query"
import { useMechanisms } from "../../Mechanism"
import { useApi } from "../../Session"

/** The first mechanism the person may see, if any. */
export const useMechanismId = (): string | undefined => useMechanisms().data?.items[0]?.id

export const mechanismKey = (mechanismId: string | undefined) => ["admin", "mechanism", mechanismId] as const

export const useMechanism = (mechanismId: string | undefined) => {
  const api = useApi()
  return useQuery({
    queryKey: mechanismKey(mechanismId),
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (await api.GET("/v1/mechanisms/{mechanismId}", { params: { path: { mechanismId: mechanismId as string } } }))
        .data,
  })
}

export const membershipsKey = (mechanismId: string | undefined) => ["memberships", mechanismId] as const

export const useMemberships = (mechanismId: string | undefined) => {
  const api = useApi()
  return useQuery({
    queryKey: membershipsKey(mechanismId),
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/mechanisms/{mechanismId}/memberships", {
          params: { path: { mechanismId: mechanismId as string }, query: { limit: 100 } },
        })
      ).data,
  })
}
