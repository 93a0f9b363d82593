/**
 * Uploading a document: what it is, what it is about (the case, one of its
 * persons, orders or consents) and the file. The file is the request's body
 * as it is, its declared type the browser's, its name in `Content-Disposition`
 * (a name may tell who she is: never in the URL). The API tells the type from
 * the bytes; its refusal of the file — a type that is not what the file says,
 * a type not accepted, a file too large or empty, a name it cannot keep — is
 * shown beside the file field, whichever header or part of the body it names.
 */
import { Document } from "@bashke/case"
import { BashkeProblem } from "@bashke/client"
import { Either, Schema } from "effect"
import { type FormEvent, useId, useRef, useState } from "react"
import { FieldError, FormError, fromApi, fromDecode, inputId, invalidProps, type Problem } from "../../FieldProblem"
import { Select } from "../../Fields"
import { useApi } from "../../Session"
import { type Text, useText } from "../../Text"
import { useAdminCommand } from "../admin/AdminCommand"
import type { CaseData } from "./CaseRecordsPage"
import { attachmentsOf, queryOf } from "./DocumentAttachment"

const scope = "upload"
const checkKind = Schema.decodeUnknownEither(Schema.Struct({ kind: Document.Kind }))

// What the API names in refusing a file: its bytes, its headers, its name. All are the file field's.
const fileParts = new Set(["content", "Content-Type", "Content-Length", "Content-Disposition", "name"])
const attachmentParts = new Set(["personId", "orderId", "consentId"])

/** The API's refusal of an upload, at the form's field it is about. */
export const uploadProblem = (error: unknown, text: Text): Problem => {
  if (!BashkeProblem.is(error) || error.field === undefined) return fromApi(error, text)
  const field = fileParts.has(error.field)
    ? "file"
    : attachmentParts.has(error.field)
      ? "attachedTo"
      : error.field === "kind"
        ? "kind"
        : undefined
  return { field, text: error.detail ?? error.title }
}

/** `attachment` with the name percent-encoded (RFC 6266, RFC 8187): any name, any script. */
const dispositionOf = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`

interface Upload {
  readonly kind: Document.Kind
  readonly attachedTo: string
  readonly file: File
}

export const DocumentUpload = ({ data }: { readonly data: CaseData }) => {
  const text = useText()
  const { t, label } = text
  const api = useApi()
  const hint = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [kind, setKind] = useState("")
  const [attachedTo, setAttachedTo] = useState("case")
  const [file, setFile] = useState<File | undefined>(undefined)
  const upload = useAdminCommand(
    async (body: Upload) =>
      (
        await api.POST("/v1/cases/{caseId}/documents", {
          params: {
            path: { caseId: data.id },
            query: { kind: body.kind, ...queryOf(body.attachedTo) },
            header: { "Content-Disposition": dispositionOf(body.file.name) } as never,
          },
          // The file as it is: its bytes, its type as the browser declares it.
          body: body.file as never,
          bodySerializer: (file: unknown) => file as Blob,
          headers: { "Content-Type": body.file.type === "" ? "application/octet-stream" : body.file.type },
        })
      ).data,
    {
      refresh: [["case-documents", data.id]],
      problemOf: uploadProblem,
      done: () => {
        setFile(undefined)
        if (fileInput.current !== null) fileInput.current.value = ""
      },
    },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = checkKind({ kind })
    if (Either.isLeft(checked)) return upload.setProblem(fromDecode(checked.left, text))
    if (file === undefined) return upload.setProblem({ field: "file", text: t("web.documents.file.required") })
    upload.run({ kind: checked.right.kind, attachedTo, file })
  }
  const attachments = attachmentsOf(data, text)
  return (
    <form onSubmit={submit} noValidate aria-labelledby="upload" className="card">
      <h2 id="upload">{t("web.documents.upload")}</h2>
      <FormError problem={upload.problem} shown={(field) => ["kind", "attachedTo", "file"].includes(field)} />
      <Select
        scope={scope}
        field="kind"
        label={t("web.documents.kind")}
        value={kind}
        empty={t("web.open-case.choose")}
        options={Document.Kind.literals.map((code) => [code, label(`case.document.kind.${code}`)] as const)}
        onChange={setKind}
        problem={upload.problem}
      />
      <Select
        scope={scope}
        field="attachedTo"
        label={t("web.documents.attached-to")}
        value={attachedTo}
        options={attachments}
        onChange={setAttachedTo}
        problem={upload.problem}
      />
      <div className="field">
        <label htmlFor={inputId("file", scope)}>{t("web.documents.file")}</label>
        <p className="hint" id={hint}>
          {t("web.documents.file.hint")}
        </p>
        <input
          ref={fileInput}
          id={inputId("file", scope)}
          type="file"
          accept="application/pdf,image/jpeg,image/png,application/vnd.oasis.opendocument.text,.pdf,.jpg,.jpeg,.png,.odt"
          onChange={(event) => setFile(event.currentTarget.files?.[0])}
          {...invalidProps(upload.problem, "file", hint, scope)}
        />
        <FieldError problem={upload.problem} field="file" scope={scope} />
      </div>
      {upload.succeeded && file === undefined && <p role="status">{t("web.documents.uploaded")}</p>}
      <button type="submit" className="button primary" disabled={upload.pending}>
        {t("web.documents.send")}
      </button>
    </form>
  )
}
