/**
 * Opening a case as a short wizard: the people (the victim, children, the
 * alleged perpetrator with their relationship), the first incident, and the
 * risk assessment rendered from the instrument's own definition, as the API
 * answers it (`GET /v1/risk-instruments`) — its
 * questions, weights and thresholds, scored by the case package's engine as
 * the answers are given — with the professional judgement that may raise the
 * level, and why. Each step is checked with the API's own schemas before
 * moving on; what the API refuses shows next to the field it names. Once the
 * case is open, a refused later step is corrected and sent again on the same
 * case (the wizard remembers it), never opening a second one.
 */
import {
  CaseCommands,
  caseMessages,
  Incident,
  Person,
  Relationship,
  RiskAssessment,
  RiskInstrument,
} from "@bashke/case"
import { BashkeProblem } from "@bashke/client"
import { JurisdictionProfile } from "@bashke/kernel"
import { useNavigate } from "@tanstack/react-router"
import { Either, Schema } from "effect"
import { type FormEvent, type ReactNode, useState } from "react"
import { FieldError, FormError, fromApi, fromDecode, invalidProps, type Problem } from "../FieldProblem"
import { Select, TextInput } from "../Fields"
import { Loaded } from "../Loading"
import { useMechanisms } from "../Mechanism"
import { useRiskInstruments } from "../RiskInstruments"
import { useApi } from "../Session"
import { addMessages, type MessageKey, usePageTitle, useText } from "../Text"
import { webCaseworkMessages } from "../WebCaseworkMessages"

addMessages(caseMessages)
addMessages(webCaseworkMessages)

const profile = JurisdictionProfile.kosovo

const steps = ["persons", "incident", "risk", "review"] as const
type Step = (typeof steps)[number]

interface PersonDraft {
  /** The draft's own key on the page (the list may lose a person from its middle). */
  readonly key: number
  readonly role: string
  readonly sex: string
  readonly ageBand: string
  readonly relationshipKind: string
  readonly relationshipTime: string
  readonly givenName: string
  readonly familyName: string
}

let drafted = 0
const newPerson = (role: string): PersonDraft => ({
  key: ++drafted,
  role,
  sex: "",
  ageBand: "",
  relationshipKind: "",
  relationshipTime: "current",
  givenName: "",
  familyName: "",
})

/** A person as `OpenCase` takes it; a perpetrator always carries a relationship, so a missing one is refused. */
const personInput = (draft: PersonDraft): CaseCommands.NewPerson => {
  const details = {
    ...(draft.givenName.trim() === "" ? {} : { givenName: draft.givenName.trim() }),
    ...(draft.familyName.trim() === "" ? {} : { familyName: draft.familyName.trim() }),
  }
  return {
    role: draft.role as Person.PersonRole,
    sex: draft.sex as Person.Person["sex"],
    ...(draft.ageBand === "" ? {} : { ageBand: draft.ageBand as Person.Person["ageBand"] & string }),
    ...(draft.role === "alleged-perpetrator"
      ? {
          relationship: {
            kind: draft.relationshipKind as Relationship.RelationshipKind,
            time: draft.relationshipTime as Relationship.RelationshipTime,
          },
        }
      : {}),
    ...(Object.keys(details).length === 0 ? {} : { details }),
  }
}

interface IncidentDraft {
  readonly occurredOn: string
  readonly place: string
  readonly forms: ReadonlyArray<string>
  readonly children: string
  readonly source: string
}

const IncidentBody = CaseCommands.RecordIncident.pipe(Schema.omit("caseId", "expectedVersion"))
const AssessmentBody = CaseCommands.AssessRisk.pipe(Schema.omit("caseId", "expectedVersion"))
const checkPerson = Schema.decodeUnknownEither(CaseCommands.NewPerson)
const checkIncident = Schema.decodeUnknownEither(IncidentBody)
const checkAssessment = Schema.decodeUnknownEither(AssessmentBody)

const incidentInput = (draft: IncidentDraft, municipality: string) => ({
  occurredOn: draft.occurredOn,
  municipality,
  ...(draft.place === "" ? {} : { place: draft.place }),
  forms: draft.forms,
  children: draft.children,
  source: draft.source,
})

/** Today in the jurisdiction's zone, as the date input reads it. */
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: profile.timezone }).format(new Date())

/** The instrument an incident's source makes required among those the API accepts, else the first. */
const instrumentFor = (
  instruments: ReadonlyArray<RiskInstrument.Instrument>,
  source: string,
): RiskInstrument.Instrument => {
  const required = profile.risk.requiredInstruments.value[source] ?? []
  return instruments.find((each) => required.includes(each.id)) ?? (instruments[0] as RiskInstrument.Instrument)
}

/** The score so far: the engine's, counting an unanswered question as nothing. */
const scoreSoFar = (instrument: RiskInstrument.Instrument, answers: RiskInstrument.Answers) =>
  Either.getOrThrow(RiskInstrument.evaluate({ ...instrument, unanswered: "list" }, answers))

export const OpenCase = () => {
  const { t } = useText()
  usePageTitle(t("web.open-case.title"))
  const instruments = useRiskInstruments()
  return (
    <>
      <h1>{t("web.open-case.title")}</h1>
      <Loaded query={instruments}>{(accepted) => <Wizard instruments={accepted} />}</Loaded>
    </>
  )
}

/** The wizard over the instruments the API accepts (loaded from it, in the order it lists them). */
const Wizard = ({ instruments }: { readonly instruments: ReadonlyArray<RiskInstrument.Instrument> }) => {
  const text = useText()
  const { t, label } = text
  const api = useApi()
  const navigate = useNavigate()
  const mechanisms = useMechanisms()
  const [step, setStep] = useState<Step>("persons")
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [persons, setPersons] = useState<ReadonlyArray<PersonDraft>>([newPerson("victim")])
  const [incident, setIncident] = useState<IncidentDraft>({
    occurredOn: today(),
    place: "",
    forms: [],
    children: "",
    source: "",
  })
  const [instrumentId, setInstrumentId] = useState<string | undefined>(undefined)
  const [answers, setAnswers] = useState<Record<string, RiskInstrument.Answer>>({})
  const [raise, setRaise] = useState(false)
  const [judgementLevel, setJudgementLevel] = useState("")
  const [judgementReason, setJudgementReason] = useState("")
  const [pending, setPending] = useState(false)
  // What the API has already recorded: the open case and its version, and the steps done on it.
  const [opened, setOpened] = useState<{ id: string; etag: string; perpetrators: Array<string> } | undefined>()
  const [incidentRecorded, setIncidentRecorded] = useState(false)
  // One key for this wizard's opening: a retry after a lost answer gets the case opened, not a second one.
  // A refusal changed nothing, so the corrected form goes with a new key.
  const [openingKey, setOpeningKey] = useState(() => crypto.randomUUID())

  const instrument = instruments.find((each) => each.id === instrumentId) ?? instrumentFor(instruments, incident.source)
  const evaluation = scoreSoFar(instrument, answers)
  const higherLevels = RiskInstrument.levels.filter(
    (level) => RiskInstrument.rank(level) > RiskInstrument.rank(evaluation.level),
  )
  const judgement = raise && judgementLevel !== "" ? { level: judgementLevel, reason: judgementReason } : undefined
  const finalLevel = RiskAssessment.finalLevel(
    evaluation.level,
    judgement === undefined || !higherLevels.includes(judgement.level as RiskInstrument.RiskLevel)
      ? undefined
      : (judgement as RiskAssessment.Judgement),
  )

  const setPerson = (index: number, change: Partial<PersonDraft>) =>
    setPersons((all) => all.map((each, at) => (at === index ? { ...each, ...change } : each)))

  const mechanism = mechanisms.data?.items[0]
  const municipality = mechanism?.municipality ?? ""
  const assessmentInput = () => ({
    instrument: { id: instrument.id, version: instrument.version },
    answers,
    ...(raise ? { judgement: { level: judgementLevel, reason: judgementReason } } : {}),
  })

  /** The problem of a step, checked with the API's schemas; undefined when it may go on. */
  const check = (at: Step): Problem | undefined => {
    if (at === "persons") {
      for (const [index, draft] of persons.entries()) {
        const checked = checkPerson(personInput(draft))
        if (Either.isLeft(checked)) return fromDecode(checked.left, text, `persons.${index}.`)
      }
      return undefined
    }
    if (at === "incident") {
      const checked = checkIncident(incidentInput(incident, municipality))
      return Either.isLeft(checked) ? fromDecode(checked.left, text) : undefined
    }
    if (at === "risk") {
      const checked = checkAssessment(assessmentInput())
      if (Either.isLeft(checked)) return fromDecode(checked.left, text)
      const scored = RiskInstrument.evaluate(instrument, answers)
      if (Either.isLeft(scored)) return { field: scored.left.field, text: label(scored.left.rule) }
      if (raise && !higherLevels.includes(judgementLevel as RiskInstrument.RiskLevel))
        return { field: "judgement.level", text: label("case.risk.level.unknown") }
    }
    return undefined
  }

  /** The step a field of the API's problem is on. */
  const stepOf = (field: string | undefined): Step | undefined =>
    field === undefined
      ? undefined
      : field.startsWith("persons")
        ? "persons"
        : field.startsWith("answers") || field.startsWith("judgement") || field.startsWith("instrument")
          ? "risk"
          : ["occurredOn", "place", "forms", "children", "source", "municipality", "perpetrators"].some((name) =>
                field.startsWith(name),
              )
            ? "incident"
            : undefined

  const refuse = (found: Problem, fallback: Step) => {
    setProblem(found)
    setStep(stepOf(found.field) ?? fallback)
  }

  const submit = async () => {
    if (mechanism === undefined) return
    setPending(true)
    setProblem(undefined)
    let current = opened
    try {
      if (current === undefined) {
        try {
          const answer = await api.POST("/v1/cases", {
            params: { header: { "Idempotency-Key": openingKey } },
            body: { mechanismId: mechanism.id, municipality, persons: persons.map(personInput) } as never,
          })
          current = {
            id: answer.data.id,
            etag: answer.etag ?? `"${answer.data.version}"`,
            perpetrators: answer.data.persons
              .filter((each) => each.role === "alleged-perpetrator")
              .map((each) => each.id),
          }
          setOpened(current)
        } catch (error) {
          if (BashkeProblem.is(error)) setOpeningKey(crypto.randomUUID())
          return refuse(fromApi(error, text), "persons")
        }
      }
      if (!incidentRecorded) {
        try {
          const answer = await api.POST("/v1/cases/{caseId}/incidents", {
            params: { path: { caseId: current.id }, header: { "If-Match": current.etag } },
            body: { ...incidentInput(incident, municipality), perpetrators: current.perpetrators } as never,
          })
          current = { ...current, etag: answer.etag ?? current.etag }
          setOpened(current)
          setIncidentRecorded(true)
        } catch (error) {
          const found = fromApi(error, text)
          return refuse({ ...found, text: `${t("web.open-case.partial")} ${found.text}` }, "incident")
        }
      }
      try {
        await api.POST("/v1/cases/{caseId}/risk-assessments", {
          params: { path: { caseId: current.id }, header: { "If-Match": current.etag } },
          body: assessmentInput() as never,
        })
      } catch (error) {
        const found = fromApi(error, text)
        return refuse({ ...found, text: `${t("web.open-case.partial")} ${found.text}` }, "risk")
      }
      navigate({ to: "/cases/$caseId", params: { caseId: current.id } })
    } finally {
      setPending(false)
    }
  }

  const next = (event: FormEvent) => {
    event.preventDefault()
    const found = check(step)
    setProblem(found)
    if (found !== undefined) return
    const at = steps.indexOf(step)
    if (step === "review") void submit()
    else setStep(steps[at + 1] as Step)
  }

  const back = () => {
    setProblem(undefined)
    setStep(steps[Math.max(0, steps.indexOf(step) - 1)] as Step)
  }

  const options = (literals: ReadonlyArray<string>, prefix: string): ReadonlyArray<readonly [string, string]> =>
    literals.map((code) => [code, label(`${prefix}.${code}`)] as const)

  // The fields the steps show a problem beside; a problem about anything else (the persons as a whole) shows on top.
  const shownFields = (field: string) =>
    stepOf(field) === step &&
    /^(persons\.\d+\.(role|sex|ageBand|relationship|details\.givenName|details\.familyName)|occurredOn|forms|children|source|place|instrument|answers\.|judgement\.(level|reason))/.test(
      field,
    )

  const personsStep = (
    <>
      {persons.map((draft, index) => {
        const at = (name: string) => `persons.${index}.${name}`
        return (
          <fieldset key={draft.key} className="card person">
            <legend>{t("web.open-case.person", { number: index + 1 })}</legend>
            <Select
              field={at("role")}
              label={t("web.open-case.role")}
              value={draft.role}
              options={options(Person.PersonRole.literals, "case.person.role")}
              onChange={(role) => setPerson(index, { role })}
              problem={problem}
            />
            <Select
              field={at("sex")}
              label={t("web.open-case.sex")}
              value={draft.sex}
              empty={t("web.open-case.choose")}
              options={options(Person.Sex.literals, "case.person.sex")}
              onChange={(sex) => setPerson(index, { sex })}
              problem={problem}
            />
            <Select
              field={at("ageBand")}
              label={t("web.open-case.age-band")}
              value={draft.ageBand}
              empty={t("web.open-case.not-recorded")}
              options={options(Person.AgeBand.literals, "case.person.age-band")}
              onChange={(ageBand) => setPerson(index, { ageBand })}
              problem={problem}
            />
            {draft.role === "alleged-perpetrator" && (
              <>
                <Select
                  field={at("relationship")}
                  label={t("web.open-case.relationship")}
                  value={draft.relationshipKind}
                  empty={t("web.open-case.choose")}
                  options={options(Relationship.kinds, "case.relationship")}
                  onChange={(relationshipKind) => setPerson(index, { relationshipKind })}
                  problem={problem}
                />
                <Select
                  field={at("relationship-time")}
                  label={t("web.open-case.relationship-time")}
                  value={draft.relationshipTime}
                  options={options(Relationship.RelationshipTime.literals, "case.relationship.time")}
                  onChange={(relationshipTime) => setPerson(index, { relationshipTime })}
                  problem={problem}
                />
              </>
            )}
            <TextInput
              field={at("details.givenName")}
              label={t("web.open-case.given-name")}
              value={draft.givenName}
              onChange={(givenName) => setPerson(index, { givenName })}
              problem={problem}
            />
            <TextInput
              field={at("details.familyName")}
              label={t("web.open-case.family-name")}
              value={draft.familyName}
              onChange={(familyName) => setPerson(index, { familyName })}
              problem={problem}
            />
            {persons.length > 1 && (
              <button
                type="button"
                className="button secondary"
                onClick={() => setPersons((all) => all.filter((_, other) => other !== index))}
              >
                {t("web.open-case.person.remove")}
              </button>
            )}
          </fieldset>
        )
      })}
      <p className="hint">{t("web.open-case.details.hint")}</p>
      <button type="button" className="button" onClick={() => setPersons((all) => [...all, newPerson("child")])}>
        {t("web.open-case.person.add")}
      </button>
    </>
  )

  const incidentStep = (
    <>
      <TextInput
        field="occurredOn"
        type="date"
        label={t("web.open-case.occurred-on")}
        value={incident.occurredOn}
        onChange={(occurredOn) => setIncident({ ...incident, occurredOn })}
        problem={problem}
      />
      <fieldset className="field" {...invalidProps(problem, "forms")}>
        <legend>{t("web.open-case.forms")}</legend>
        {Incident.ViolenceForm.literals.map((form) => (
          <label key={form} className="choice">
            <input
              type="checkbox"
              name="forms"
              value={form}
              checked={incident.forms.includes(form)}
              onChange={(event) => {
                const on = event.currentTarget.checked
                setIncident((now) => ({
                  ...now,
                  forms: on ? [...now.forms, form] : now.forms.filter((each) => each !== form),
                }))
              }}
            />
            <span>{label(`case.incident.form.${form}`)}</span>
          </label>
        ))}
        <FieldError problem={problem} field="forms" />
      </fieldset>
      <Select
        field="children"
        label={t("web.open-case.children")}
        value={incident.children}
        empty={t("web.open-case.choose")}
        options={options(Incident.ChildrenExposure.literals, "case.incident.children")}
        onChange={(children) => setIncident({ ...incident, children })}
        problem={problem}
      />
      <Select
        field="source"
        label={t("web.open-case.source")}
        value={incident.source}
        empty={t("web.open-case.choose")}
        options={options(Incident.IncidentSource.literals, "case.incident.source")}
        onChange={(source) => setIncident({ ...incident, source })}
        problem={problem}
      />
      <Select
        field="place"
        label={t("web.open-case.place")}
        value={incident.place}
        empty={t("web.open-case.not-recorded")}
        options={options(Incident.Place.literals, "case.incident.place")}
        onChange={(place) => setIncident({ ...incident, place })}
        problem={problem}
      />
    </>
  )

  const riskStep = (
    <>
      <Select
        field="instrument"
        label={t("web.open-case.instrument")}
        value={instrument.id}
        options={instruments.map((each) => [each.id, label(each.title)] as const)}
        onChange={(id) => {
          setInstrumentId(id)
          setAnswers({})
        }}
        problem={problem}
      />
      {instrument.questions.map((question) => {
        const field = `answers.${question.id}`
        return (
          <fieldset key={question.id} className="field question" {...invalidProps(problem, field)}>
            <legend>{label(question.text)}</legend>
            <div className="choices">
              {RiskInstrument.Answer.literals.map((answer) => (
                <label key={answer} className="choice">
                  <input
                    type="radio"
                    name={field}
                    value={answer}
                    checked={answers[question.id] === answer}
                    onChange={() => setAnswers((now) => ({ ...now, [question.id]: answer }))}
                  />
                  <span>{label(`case.risk.answer.${answer}`)}</span>
                </label>
              ))}
            </div>
            <FieldError problem={problem} field={field} />
          </fieldset>
        )
      })}
      <p className="score" role="status" aria-live="polite" data-testid="risk-score">
        {t("case.risk.score", { score: evaluation.score, max: evaluation.maxScore })}
        {" · "}
        <span className={`risk ${evaluation.level}`}>
          {t("web.open-case.level", { level: t(`case.risk.level.${evaluation.level}`) })}
        </span>
        {evaluation.unanswered.length > 0 &&
          ` · ${t("web.open-case.unanswered", { count: evaluation.unanswered.length })}`}
      </p>
      {higherLevels.length > 0 && (
        <div className="field">
          <label className="choice">
            <input type="checkbox" checked={raise} onChange={(event) => setRaise(event.currentTarget.checked)} />
            <span>{t("web.open-case.judgement")}</span>
          </label>
        </div>
      )}
      {raise && higherLevels.length > 0 && (
        <>
          <Select
            field="judgement.level"
            label={t("web.open-case.judgement.level")}
            value={judgementLevel}
            empty={t("web.open-case.choose")}
            options={higherLevels.map((level) => [level, label(`case.risk.level.${level}`)] as const)}
            onChange={setJudgementLevel}
            problem={problem}
          />
          <Select
            field="judgement.reason"
            label={t("web.open-case.judgement.reason")}
            value={judgementReason}
            empty={t("web.open-case.choose")}
            options={options(RiskAssessment.JudgementReason.literals, "case.risk.judgement")}
            onChange={setJudgementReason}
            problem={problem}
          />
        </>
      )}
      <p className="summary" data-testid="final-level">
        {t("web.open-case.final-level", { level: t(`case.risk.level.${finalLevel}`) })}
      </p>
    </>
  )

  const reviewStep = (
    <ul className="plain">
      <li>
        {t("web.open-case.review.persons", {
          roles: persons.map((each) => label(`case.person.role.${each.role}`)).join(", "),
        })}
      </li>
      <li>
        {t("web.open-case.review.incident", {
          day: text.date(`${incident.occurredOn}T12:00:00Z`),
          forms: incident.forms.map((form) => label(`case.incident.form.${form}`)).join(", "),
        })}
      </li>
      <li>
        <span className={`risk ${finalLevel}`}>
          {t("web.open-case.final-level", { level: t(`case.risk.level.${finalLevel}`) })}
        </span>
      </li>
    </ul>
  )

  const bodies: Record<Step, ReactNode> = {
    persons: personsStep,
    incident: incidentStep,
    risk: riskStep,
    review: reviewStep,
  }
  const at = steps.indexOf(step)
  return (
    <Loaded query={mechanisms}>
      {(page) =>
        page.items.length === 0 ? (
          <p>{t("web.cases.no-mechanism")}</p>
        ) : (
          <form onSubmit={next} noValidate className="wizard" aria-labelledby="wizard-step">
            <ol className="steps" aria-label={t("web.open-case.progress", { step: at + 1, total: steps.length })}>
              {steps.map((each) => (
                <li
                  key={each}
                  aria-current={each === step ? "step" : undefined}
                  className={each === step ? "current" : ""}
                >
                  {t(`web.open-case.step.${each}` as MessageKey)}
                </li>
              ))}
            </ol>
            <h2 id="wizard-step">
              {t("web.open-case.progress", { step: at + 1, total: steps.length })}:{" "}
              {t(`web.open-case.step.${step}` as MessageKey)}
            </h2>
            <FormError problem={problem} shown={shownFields} />
            {bodies[step]}
            <div className="actions">
              {at > 0 && (
                <button type="button" className="button" onClick={back}>
                  {t("web.open-case.back")}
                </button>
              )}
              <button type="submit" className="button primary" disabled={pending}>
                {step === "review" ? t("web.open-case.submit") : t("web.open-case.next")}
              </button>
            </div>
          </form>
        )
      }
    </Loaded>
  )
}
