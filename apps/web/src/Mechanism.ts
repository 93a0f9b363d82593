/** The mechanism the person works in: the first the API lets them see. */
import { useQuery } from "@tanstack/react-query"
import { useApi } from "./Session"

export const useMechanisms = () => {
  const api = useApi()
  return useQuery({
    queryKey: ["mechanisms"],
    queryFn: async () => (await api.GET("/v1/mechanisms")).data,
    staleTime: 5 * 60_000,
  })
}
