/**
 * The data-protection officer's subject-access export (the auditor role):
 * everything held about one person, as JSON or as a readable PDF in a chosen
 * language, each export audited with its reason. The person is named by her
 * record id, sent in the request's body (never the address bar); the answer
 * goes straight to a download and is kept nowhere in the browser.
 */
import { caseMessages } from "@bashke/case"
import { Locale } from "@bashke/kernel"
import { useMutation } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { FormError, fromApi, type Problem } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { useApi } from "../../Session"
import { addMessages, type MessageKey, usePageTitle, useText } from "../../Text"
import { webCorrectionsMessages } from "../../WebCorrectionsMessages"

addMessages(caseMessages)
addMessages(webCorrectionsMessages)

/** Hands a file to the browser's downloads, then lets go of it. */
const download = (blob: Blob, name: string) => {
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const SubjectAccess = () => {
  const text = useText()
  const { t } = text
  usePageTitle(t("web.subject-access.title"))
  const api = useApi()
  const [personId, setPersonId] = useState("")
  const [reason, setReason] = useState("")
  const [language, setLanguage] = useState<Locale.Locale>(text.locale)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const exported = useMutation({
    mutationFn: async (as: "json" | "pdf") => {
      const body = { personId: personId.trim(), ...(reason.trim() === "" ? {} : { reason: reason.trim() }) }
      if (as === "json") {
        const { data } = await api.POST("/v1/subject-access/exports", { body })
        download(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), "subject-access.json")
      } else {
        const { data } = await api.POST("/v1/subject-access/exports.pdf", {
          body: { ...body, language },
          parseAs: "blob",
        })
        download(data as unknown as Blob, "subject-access.pdf")
      }
    },
    onMutate: () => setProblem(undefined),
    onError: (error) => setProblem(fromApi(error, text)),
  })
  const run = (as: "json" | "pdf") => (event?: FormEvent) => {
    event?.preventDefault()
    exported.mutate(as)
  }
  return (
    <>
      <h1>{t("web.subject-access.title")}</h1>
      <p>{t("web.subject-access.intro")}</p>
      <form onSubmit={run("pdf")} noValidate className="card">
        <FormError problem={problem} shown={(field) => ["personId", "reason", "language"].includes(field)} />
        <TextInput
          field="personId"
          label={t("web.subject-access.person")}
          value={personId}
          onChange={setPersonId}
          problem={problem}
        />
        <p className="hint">{t("web.subject-access.person-hint")}</p>
        <TextInput
          field="reason"
          label={t("web.subject-access.reason")}
          value={reason}
          onChange={setReason}
          problem={problem}
        />
        <Select
          field="language"
          label={t("web.subject-access.language")}
          value={language}
          options={Locale.all.map((each) => [each, t(`locale.${each.toLowerCase()}` as MessageKey)] as const)}
          onChange={(value) => setLanguage(value as Locale.Locale)}
          problem={problem}
        />
        <button type="submit" className="button primary" disabled={exported.isPending}>
          {t("web.subject-access.pdf")}
        </button>
        <button type="button" className="button" disabled={exported.isPending} onClick={() => run("json")()}>
          {t("web.subject-access.json")}
        </button>
        {exported.isSuccess && (
          <p role="status" className="notice">
            {t("web.subject-access.ready")}
          </p>
        )}
      </form>
    </>
  )
}
