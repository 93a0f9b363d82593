/**
 * A provider reports its service's free capacity: the places free and in all
 * (in the service's unit), as of now. Checked with the directory's own schema
 * (free no more than in all) before it goes; the API's problem shows by the
 * field it names.
 */
import type { Schemas } from "@bashke/client"
import { Directory } from "@bashke/referral"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { FormError, fromApi, fromDecode, type Problem } from "../FieldProblem"
import { TextInput } from "../Fields"
import { useApi } from "../Session"
import { useText } from "../Text"

const checkCapacity = Schema.decodeUnknownEither(Directory.Capacity)

export const CapacityForm = ({ service }: { readonly service: Schemas["Service"] }) => {
  const text = useText()
  const { t } = text
  const api = useApi()
  const queryClient = useQueryClient()
  const [available, setAvailable] = useState(String(service.capacity?.available ?? ""))
  const [total, setTotal] = useState(String(service.capacity?.total ?? ""))
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const report = useMutation({
    mutationFn: async (body: typeof Directory.Capacity.Encoded) =>
      (
        await api.PUT("/v1/services/{serviceId}/capacity", {
          params: { path: { serviceId: service.id } },
          body: body as never,
        })
      ).data,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["services"] }),
    onError: (error) => setProblem(fromApi(error, text)),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = {
      unit: service.capacity?.unit ?? "places",
      available: available.trim() === "" ? Number.NaN : Number(available),
      total: total.trim() === "" ? Number.NaN : Number(total),
      updatedAt: new Date().toISOString(),
    }
    const checked = checkCapacity(body)
    if (Either.isLeft(checked)) {
      const found = fromDecode(checked.left, text)
      // The rule "free no more than in all" is about the pair: shown by the free places.
      return setProblem(found.field === undefined ? { ...found, field: "available" } : found)
    }
    setProblem(undefined)
    report.mutate(body)
  }
  const field = (name: string) => `${service.id}-${name}`
  const scoped =
    problem === undefined || problem.field === undefined ? problem : { ...problem, field: field(problem.field) }
  return (
    <details>
      <summary>{t("web.directory.capacity.update")}</summary>
      <form onSubmit={submit} noValidate aria-label={t("web.directory.capacity.update")}>
        <FormError problem={scoped} shown={(name) => name === field("available") || name === field("total")} />
        <TextInput
          field={field("available")}
          type="number"
          label={t("web.directory.capacity.available")}
          value={available}
          onChange={setAvailable}
          problem={scoped}
        />
        <TextInput
          field={field("total")}
          type="number"
          label={t("web.directory.capacity.total")}
          value={total}
          onChange={setTotal}
          problem={scoped}
        />
        {report.isSuccess && problem === undefined && <p role="status">{t("web.directory.capacity.saved")}</p>}
        <button type="submit" className="button primary" disabled={report.isPending}>
          {t("web.case.edit.save")}
        </button>
      </form>
    </details>
  )
}
