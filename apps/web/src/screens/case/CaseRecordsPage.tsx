/**
 * The frame of a page about one part of a case's records — its notes, its
 * documents, the survivor's voice: the case read once (the same query as the
 * case's page, so a change made here shows there), the page's heading with
 * the case's reference (never a person's name), and the way back to the case.
 * The pages' words load with them.
 */
import { caseMessages, caseworkMessages, documentMessages } from "@bashke/case"
import type { Schemas } from "@bashke/client"
import { securityMessages } from "@bashke/security"
import { useQuery } from "@tanstack/react-query"
import { Link } from "@tanstack/react-router"
import type { ReactNode } from "react"
import { Loaded } from "../../Loading"
import { useApi, useSession } from "../../Session"
import { addMessages, type MessageKey, usePageTitle, useText } from "../../Text"
import { webCaseNotesMessages } from "../../WebCaseNotesMessages"
import { webCaseworkMessages } from "../../WebCaseworkMessages"

addMessages(caseMessages)
addMessages(caseworkMessages)
addMessages(documentMessages)
// The purposes a personal read is made for.
addMessages(securityMessages)
// The case forms' shared words ("Choose…").
addMessages(webCaseworkMessages)
addMessages(webCaseNotesMessages)

export type CaseData = Schemas["Case"]

/** The signed-in person's access on the case team: `undefined` off the team. */
export const useAccess = (data: CaseData): "full" | "summary" | undefined => {
  const institution = useSession().me?.institution
  return data.team.members.find((member) => member.institution === institution)?.access
}

/** The case's victim and children, as the forms about her offer them: numbered, by role. */
export const survivorsOf = (data: CaseData, label: (key: string) => string) =>
  data.persons.flatMap((person, index) =>
    person.role === "alleged-perpetrator"
      ? []
      : [[person.id, `${index + 1}. ${label(`case.person.role.${person.role}`)}`] as const],
  )

export const CaseRecordsPage = ({
  caseId,
  title,
  children,
}: {
  readonly caseId: string
  readonly title: MessageKey
  readonly children: (data: CaseData) => ReactNode
}) => {
  const { t } = useText()
  const api = useApi()
  const found = useQuery({
    queryKey: ["case", caseId],
    queryFn: async () => (await api.GET("/v1/cases/{caseId}", { params: { path: { caseId } } })).data,
  })
  usePageTitle(
    found.data === undefined ? t(title) : t("web.records.page", { page: t(title), reference: found.data.reference }),
  )
  return (
    <Loaded query={found}>
      {(data) => (
        <>
          <p>
            <Link to="/cases/$caseId" params={{ caseId }}>
              {t("web.records.back", { reference: data.reference })}
            </Link>
          </p>
          <h1>{t("web.records.page", { page: t(title), reference: data.reference })}</h1>
          {children(data)}
        </>
      )}
    </Loaded>
  )
}
