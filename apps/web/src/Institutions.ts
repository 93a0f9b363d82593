/**
 * Institutions' names in the reader's language: from the names the API sends
 * beside an answer, or from the register (`/v1/institutions`) where an answer
 * carries ids only (a case's team).
 */
import type { Schemas } from "@bashke/client"
import type { Locale } from "@bashke/kernel"
import { useQuery } from "@tanstack/react-query"
import { useApi } from "./Session"

export const nameOf = (names: Schemas["InstitutionNames"], id: string, locale: Locale.Locale): string =>
  names[id]?.[locale] ?? id

/** The register's institutions, by id, with their names (enough for a mechanism's forms). */
export const useInstitutions = () => {
  const api = useApi()
  return useQuery({
    queryKey: ["institutions"],
    staleTime: 5 * 60_000,
    queryFn: async () => (await api.GET("/v1/institutions", { params: { query: { limit: 100 } } })).data.items,
  })
}

/** The names of the register's institutions, as `nameOf` takes them. */
export const namesOf = (institutions: ReadonlyArray<Schemas["RegisteredInstitution"]> | undefined) =>
  Object.fromEntries((institutions ?? []).map((each) => [each.id, each.name])) as Schemas["InstitutionNames"]
