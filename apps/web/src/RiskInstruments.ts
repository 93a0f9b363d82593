/**
 * The risk instruments an assessment may use, as the API answers them
 * (`GET /v1/risk-instruments`): the installation's own definitions, decoded
 * with the case package's schema, so the wizard asks and scores exactly what
 * the API will check — never a copy built in the browser.
 */
import { RiskInstrument } from "@bashke/case"
import { useQuery } from "@tanstack/react-query"
import { Schema } from "effect"
import { useApi } from "./Session"

// Non-empty: the wizard starts on the first; an installation with none shows the problem, not a broken form.
const decode = Schema.decodeUnknownSync(Schema.NonEmptyArray(RiskInstrument.Instrument))

export const useRiskInstruments = () => {
  const api = useApi()
  return useQuery({
    queryKey: ["risk-instruments"],
    queryFn: async () => decode((await api.GET("/v1/risk-instruments")).data),
    // The definitions change only with the installation's profile: once a session is plenty.
    staleTime: Number.POSITIVE_INFINITY,
  })
}
