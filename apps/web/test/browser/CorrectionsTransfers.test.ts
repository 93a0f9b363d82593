// Issue 18's screens in Chromium against the real gateway with the demo:
// (1) a case worker corrects the alleged perpetrator's relationship — refused
// beside the reason while it has none, then saved with one — and the case's
// timeline and history show the correction with its previous value; a
// correction of a family name made with the keyboard alone shows only as
// sealed, and the name goes into no URL, title or browser storage;
// (2) the coordinator, who sees the mechanism's cases pseudonymised, proposes
// moving the high-risk case to a second mechanism (first to her own: refused
// beside the field), its coordinator accepts it, and from then on the sending
// coordinator no longer finds nor opens the case, nor does its case worker;
// (3) a closed case is found in the register by its reference and reopened
// with a reason; (4) the administrator erases a closed case's personal data,
// refused beside the reason without one; (5) the auditor downloads the
// subject-access export as JSON and PDF (read back with `pdftotext`);
// every new screen without serious or critical axe violations, in the four
// languages, at desk and phone sizes.
import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Locale } from "@bashke/kernel"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { institutions } from "../../../gateway/src/demo/World"
import {
  type Browser,
  type Gateway,
  horizontalOverflow,
  open,
  outputDir,
  screenshot,
  seriousViolations,
  storedText,
  tabTo,
  untilLoaded,
} from "./Harness"
import { languageProblems } from "./Languages"
import { testWorld } from "./World"

let gateway: Gateway
let caseWorker: Browser
let coordinator: Browser
let admin: Browser
let auditor: Browser

const world = testWorld({ people: ["caseManager", "coordinator", "administrator", "auditor"] })

/** The API as a demo person with a token (for what the test arranges, not what it checks). */
const call = async (who: string, method: string, path: string, body?: unknown, ifMatch?: string) => {
  const response = await fetch(`${gateway.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${gateway.tokens[who]}`,
      "content-type": "application/json",
      ...(method === "GET" ? {} : { "idempotency-key": crypto.randomUUID() }),
      ...(ifMatch === undefined ? {} : { "if-match": ifMatch }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return { body: (await response.json()) as Record<string, unknown>, etag: response.headers.get("etag") ?? "" }
}

/** The API from a signed-in page, with its session cookie (the administrator has no token). */
const inPage = (page: Page, method: string, path: string, body?: unknown, ifMatch?: string) =>
  page.evaluate(
    async ({ method, path, body, ifMatch }) => {
      const response = await fetch(path, {
        method,
        headers: {
          "content-type": "application/json",
          "x-bashke-request": "1",
          ...(method === "GET" ? {} : { "idempotency-key": crypto.randomUUID() }),
          ...(ifMatch === undefined ? {} : { "if-match": ifMatch }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await response.text()
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
      return { body: JSON.parse(text) as Record<string, unknown>, etag: response.headers.get("etag") ?? "" }
    },
    { method, path, body, ifMatch },
  )

const inEnglish = async (page: Page, path: string) => {
  await open(page, gateway, path)
  await page.getByTestId("language").selectOption("en")
  await page.locator('html[lang="en"]').waitFor()
  await untilLoaded(page)
}

/** Accessible at both sizes, nothing overflowing at phone width, and in each of the four languages. */
const checkScreen = async (page: Page, name: string) => {
  await untilLoaded(page)
  expect(await seriousViolations(page), name).toEqual([])
  await screenshot(page, name)
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await horizontalOverflow(page), `${name} at 390 px`).toBeLessThanOrEqual(0)
  expect(await seriousViolations(page), `${name} at 390 px`).toEqual([])
  await screenshot(page, name)
  await page.setViewportSize({ width: 1280, height: 800 })
  for (const locale of Locale.all) {
    await page.getByTestId("language").selectOption(locale)
    await page.locator(`html[lang="${locale}"]`).waitFor()
    await untilLoaded(page)
    expect(await languageProblems(page, locale), `${name} in ${locale}`).toEqual({ keys: [], foreign: [] })
  }
  await page.getByTestId("language").selectOption("en")
  await page.locator('html[lang="en"]').waitFor()
}

let highRisk = ""
let victim = ""
let standard = ""
let standardReference = ""
const familyName = "Zeqiri-Hasani"

beforeAll(async () => {
  gateway = world.gateway
  caseWorker = world.browser("caseManager")
  coordinator = world.browser("coordinator")
  admin = world.browser("administrator")
  auditor = world.browser("auditor")
  const mechanisms = (await call("caseManager", "GET", "/v1/me")).body.mechanisms as Array<string>
  const list = `/v1/cases?mechanismId=${mechanisms[0]}&riskLevel=`
  const high = (await call("caseManager", "GET", `${list}high`)).body.items as Array<{ id: string }>
  highRisk = high[0]?.id ?? ""
  const read = (await call("caseManager", "GET", `/v1/cases/${highRisk}`)).body as {
    persons: Array<{ id: string; role: string }>
  }
  victim = read.persons.find((person) => person.role === "victim")?.id ?? ""
  const low = (await call("caseManager", "GET", `${list}standard`)).body.items as Array<{ id: string }>
  standard = low[0]?.id ?? ""
})

/** Closes the standard-risk case through the API, as its case worker; its reference. */
const closeStandard = async () => {
  const read = await call("caseManager", "GET", `/v1/cases/${standard}`)
  await call(
    "caseManager",
    "POST",
    `/v1/cases/${standard}/transitions`,
    { command: "close", reason: "risk-reduced" },
    read.etag,
  )
  return String(read.body.reference)
}

describe("corrections, transfers, closed cases, erasure and subject access in the browser", () => {
  it("a correction without a reason is refused beside the reason; with one it is saved and shown in the history and the timeline", async () => {
    const page = await caseWorker.newPage()
    await inEnglish(page, `/cases/${highRisk}`)
    await page.getByRole("link", { name: "Correct a record" }).click()
    await page.getByRole("heading", { name: "Correct a person" }).waitFor()
    await untilLoaded(page)
    const form = page.locator('section[aria-labelledby="correct-person"]')
    const perpetrator = await page
      .locator("#input-person-personId option")
      .filter({ hasText: "Alleged perpetrator" })
      .getAttribute("value")
    await page.locator("#input-person-personId").selectOption(perpetrator ?? "")
    await page.locator("#input-person-person-relationship-kind").selectOption("married")
    await page.locator("#input-person-person-relationship-time").selectOption("former")
    const sent: Array<string> = []
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/corrections")) sent.push(request.url())
    })
    await form.getByRole("button", { name: "Save the correction" }).click()
    await page.locator("#error-person-reason").waitFor()
    expect(await page.locator("#error-person-reason").textContent()).toMatch(/reason/i)
    expect(await page.locator("#input-person-reason").getAttribute("aria-invalid")).toBe("true")
    expect(sent).toEqual([])
    await screenshot(page, "correction-refused")
    expect(await seriousViolations(page)).toEqual([])

    await page.locator("#input-person-reason").fill("The couple divorced in 2025; the police record was out of date.")
    await form.getByRole("button", { name: "Save the correction" }).click()
    await form.getByText("Correction saved.").waitFor()
    expect(sent).toHaveLength(1)
    const history = page.locator('[data-testid="corrections"] li')
    await expect.poll(() => history.count()).toBe(1)
    const entry = (await history.first().textContent()) ?? ""
    expect(entry).toContain("Relationship to the victim")
    expect(entry).toContain("Married (Current)")
    expect(entry).toContain("The couple divorced in 2025")
    await checkScreen(page, "case-corrections")

    await page.getByRole("link", { name: "Back to the case" }).click()
    await page.locator("#timeline").waitFor()
    await expect
      .poll(() => page.locator("#timeline ~ ol").textContent())
      .toContain("Correction: Person · Alleged perpetrator")
    await page.close()
  })

  it("a correction of an identifying detail, made with the keyboard alone, shows only as sealed and leaves no trace in the browser", async () => {
    const page = await caseWorker.newPage()
    await inEnglish(page, `/cases/${highRisk}/corrections`)
    await page.getByRole("heading", { name: "Correct a person" }).waitFor()
    const family = page.locator("#input-person-details-familyName")
    await tabTo(page, family, 120)
    await page.keyboard.type(familyName)
    await tabTo(page, page.locator("#input-person-reason"), 10)
    await page.keyboard.type("Her family name was misspelt at intake.")
    const save = page.locator('section[aria-labelledby="correct-person"]').getByRole("button", {
      name: "Save the correction",
    })
    await tabTo(page, save, 10)
    await page.keyboard.press("Enter")
    await page.locator('section[aria-labelledby="correct-person"]').getByText("Correction saved.").waitFor()
    const history = page.locator('[data-testid="corrections"] li')
    await expect.poll(() => history.count()).toBe(2)
    const newest = (await history.first().textContent()) ?? ""
    expect(newest).toContain("Family name")
    expect(newest).toContain("sealed (personal data)")
    expect(await page.locator("main").textContent()).not.toContain(familyName)
    expect(caseWorker.urls.filter((url) => url.includes(familyName))).toEqual([])
    expect(caseWorker.titles.filter((title) => title.includes(familyName))).toEqual([])
    expect(await storedText(page)).not.toContain(familyName)
    await page.close()
  })

  it("the coordinator proposes a transfer (refused to her own mechanism), the receiving coordinator accepts, and the sender no longer opens the case", async () => {
    // A second mechanism, Ferizaj, set up by the administrator through the API, and its coordinator invited.
    const setup = await admin.newPage()
    await open(setup, gateway, "/")
    const created = await inPage(setup, "POST", "/v1/mechanisms", {
      municipality: "FER",
      name: { sq: "Mekanizmi – Ferizaj", "sr-Latn": "Mehanizam – Uroševac", en: "Mechanism – Ferizaj" },
    })
    const ferizaj = String(created.body.id)
    const version = async () => (await inPage(setup, "GET", `/v1/mechanisms/${ferizaj}`)).etag
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
    const members = [institutions.municipality, institutions.police, institutions.socialWork]
    let coordinatorMembership = ""
    for (const institution of members) {
      const added = await inPage(
        setup,
        "POST",
        `/v1/mechanisms/${ferizaj}/memberships`,
        {
          institutionId: institution.id,
          sector: institution.sector,
          joinedOn: day(-30),
          contacts: { representative: { name: "A. Representative", email: `${institution.sector}@ferizaj.example` } },
        },
        await version(),
      )
      if (institution === institutions.municipality) coordinatorMembership = String(added.body.id)
    }
    await inPage(
      setup,
      "PUT",
      `/v1/mechanisms/${ferizaj}/coordinator`,
      { membershipId: coordinatorMembership },
      await version(),
    )
    const memorandum = await inPage(
      setup,
      "POST",
      `/v1/mechanisms/${ferizaj}/memoranda`,
      {
        effectiveFrom: day(-20),
        documentHash: "0f1c4d9e3a75d41402abc4b2a76b9719d911017c592aaf0d2b5e1d3f6c2b8a6e",
        expectedSectors: ["police", "social-work", "municipality"],
      },
      await version(),
    )
    const versionPath = `/v1/mechanisms/${ferizaj}/memoranda/${memorandum.body.memorandumId}/versions/${memorandum.body.version}`
    for (const institution of members) {
      await inPage(
        setup,
        "POST",
        `${versionPath}/signatures`,
        { institutionId: institution.id, signer: "A. Representative", signedOn: day(-20) },
        await version(),
      )
      await inPage(
        setup,
        "POST",
        `${versionPath}/signatures/${institution.id}/countersignature`,
        { countersignedOn: day(-20) },
        await version(),
      )
    }
    await inPage(setup, "POST", `/v1/mechanisms/${ferizaj}/activation`, undefined, await version())
    const email = "valbona.krasniqi@ferizaj.example"
    const invited = await inPage(setup, "POST", `/v1/mechanisms/${ferizaj}/invitations`, {
      displayName: "Valbona Krasniqi",
      email,
      language: "en",
      institution: institutions.municipality.id,
      sector: institutions.municipality.sector,
      roles: ["coordinator"],
    })
    await setup.close()

    // Gjilan's coordinator, who sees the case pseudonymised only, proposes: first to her own mechanism
    // (refused beside the field), then to Ferizaj.
    const reference = String((await call("caseManager", "GET", `/v1/cases/${highRisk}`)).body.reference)
    const page = await coordinator.newPage()
    await inEnglish(page, "/cases")
    expect(await page.locator("tbody").textContent()).toContain(reference)
    await page.getByRole("link", { name: "Case transfers" }).click()
    await page.getByRole("heading", { name: "Move the case to another mechanism" }).waitFor()
    await untilLoaded(page)
    const to = page.locator("#input-toMechanismId")
    await page.locator("#input-caseId").selectOption({ label: reference })
    await to.selectOption({ label: "Local coordination mechanism against domestic violence – Gjilan" })
    await page.getByRole("button", { name: "Propose the transfer" }).click()
    await page.locator("#error-toMechanismId").waitFor()
    expect(await to.getAttribute("aria-invalid")).toBe("true")
    await screenshot(page, "transfer-refused")
    await to.selectOption({ label: "Mechanism – Ferizaj" })
    await page.getByRole("button", { name: "Propose the transfer" }).click()
    await page.getByText("Proposed. The receiving mechanism's coordinator decides.").waitFor()
    await page.getByText(/To Mechanism – Ferizaj, proposed/).waitFor()
    await checkScreen(page, "case-transfers-sending")

    // Ferizaj's coordinator enrols from the invitation and accepts, naming the lead institution there.
    const receiving = await world.launch()
    const enrolment = await receiving.newPage()
    await enrolment.goto(`${gateway.url}/invitation#token=${invited.body.token}`)
    await enrolment.getByTestId("language").selectOption("en")
    const password = "a long walk along the nerodime"
    await enrolment.getByLabel("New password (at least 12 characters)").fill(password)
    await enrolment.getByRole("button", { name: "Save the password" }).click()
    const secret = (await enrolment.locator(".secret code").textContent()) ?? ""
    const { TOTP, Secret } = await import("otpauth")
    const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 })
    await enrolment.getByLabel("The code the app shows").fill(totp.generate())
    await enrolment.getByRole("button", { name: "Confirm" }).click()
    await enrolment.getByText("Ready. Now sign in with it.").waitFor()
    await enrolment.getByRole("button", { name: "Go to sign in" }).click()
    await enrolment.getByLabel("Email address").fill(email)
    await enrolment.getByLabel("Password", { exact: true }).fill(password)
    // The next step's code: the one just used to confirm is never accepted twice.
    await enrolment
      .getByLabel("Code from the authenticator app")
      .fill(totp.generate({ timestamp: Date.now() + 30_000 }))
    await enrolment.getByRole("button", { name: "Sign in with password" }).click()
    await enrolment.getByRole("navigation").first().waitFor()
    await enrolment.close()
    const accepting = await receiving.newPage()
    await inEnglish(accepting, "/transfers")
    await accepting
      .getByText(/From Local coordination mechanism against domestic violence – Gjilan, proposed/)
      .waitFor()
    await checkScreen(accepting, "case-transfers-receiving")
    await accepting.getByLabel("Lead institution here").selectOption(institutions.socialWork.id)
    await accepting.getByRole("button", { name: "Accept the case" }).click()
    await accepting.getByText("Accepted: the case is now in this mechanism.").waitFor()
    // The case is now the receiving team's (social work leads there): the link goes to it.
    expect(await accepting.getByRole("link", { name: "Open the case" }).getAttribute("href")).toBe(`/cases/${highRisk}`)
    await accepting.close()

    // From that moment the sending coordinator no longer lists nor opens it, nor does its case worker.
    await inEnglish(page, "/cases")
    await page.locator("tbody tr").first().waitFor()
    expect(await page.locator("tbody").textContent()).not.toContain(reference)
    await inEnglish(page, `/cases/${highRisk}`)
    await page.locator("main [role=alert]").first().waitFor()
    expect(await page.locator("#timeline").count()).toBe(0)
    await page.close()
    const sender = await caseWorker.newPage()
    await inEnglish(sender, `/cases/${highRisk}`)
    await sender.locator("main [role=alert]").first().waitFor()
    expect(await sender.locator("#timeline").count()).toBe(0)
    await sender.close()
  })

  it("a closed case is found in the register by its reference and reopened with a reason", async () => {
    standardReference = await closeStandard()
    const page = await caseWorker.newPage()
    await inEnglish(page, "/cases")
    await page.getByRole("link", { name: "Closed cases" }).click()
    await page.getByLabel("Reference begins with").fill(standardReference.slice(0, 8).toLowerCase())
    await page.getByRole("button", { name: "Search" }).click()
    const row = page.locator("tbody tr").filter({ hasText: standardReference })
    await row.waitFor()
    expect(await page.locator("tbody tr").count()).toBe(1)
    expect(await row.textContent()).toContain("Risk reduced")
    await checkScreen(page, "closed-cases")
    await row.getByText("Reopen", { exact: true }).click()
    await row.getByRole("button", { name: "Reopen the case" }).click()
    // Without a reason the API refuses beside the field.
    await expect.poll(() => row.locator("[role=alert]").count()).toBeGreaterThan(0)
    await row.getByLabel("Why reopen it?").selectOption("new-incident")
    await row.getByRole("button", { name: "Reopen the case" }).click()
    await page.getByText("The case is reopened.").waitFor()
    await expect.poll(() => page.locator("tbody tr").count()).toBe(0)
    const read = await call("caseManager", "GET", `/v1/cases/${standard}`)
    expect(read.body.status).toBe("active")
    await page.close()
  })

  it("the administrator erases a closed case's personal data, refused beside the reason without one", async () => {
    await closeStandard()
    const page = await admin.newPage()
    await inEnglish(page, "/admin")
    await page.getByRole("link", { name: "Closed cases" }).click()
    await page.getByRole("heading", { name: "Closed cases" }).waitFor()
    await untilLoaded(page)
    const row = page.locator("tbody tr").filter({ hasText: standardReference })
    await row.waitFor()
    // The administrator erases; reopening is the case team's.
    expect(await row.getByText("Reopen", { exact: true }).count()).toBe(0)
    await row.getByText("Erase personal data").click()
    await checkScreen(page, "closed-cases-erasure")
    await row.getByRole("button", { name: "Erase for good" }).click()
    await row.locator('[id^="error-erase-"]').waitFor()
    expect(await row.locator("textarea").getAttribute("aria-invalid")).toBe("true")
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "closed-cases-erasure-refused")
    await row.getByLabel("Legal reason (kept in the audit log)").fill("Data subject's request, ref. DP-2026/114")
    await row.getByRole("button", { name: "Erase for good" }).click()
    await page.getByText("The case's personal data is erased.").waitFor()
    await row.getByText(/Personal data erased/).waitFor()
    const read = await call("caseManager", "GET", `/v1/cases/${standard}`)
    expect(read.body.erasedAt).toBeDefined()
    // Only the administrator sees erasure.
    const other = await coordinator.newPage()
    await inEnglish(other, "/cases/closed")
    await other.locator("tbody tr").first().waitFor()
    expect(await other.getByText("Erase personal data").count()).toBe(0)
    await other.close()
    await page.close()
  })

  it("the auditor downloads the subject-access export as JSON and as a readable PDF", async () => {
    const page = await auditor.newPage()
    await inEnglish(page, "/")
    await page.getByRole("link", { name: "Subject access" }).click()
    await page.getByLabel("The person's record number").fill(victim)
    await page.getByLabel("Reason (the request's reference)").fill("Request DP-2026/115")
    await page.getByLabel("Language of the PDF").selectOption("en")
    await checkScreen(page, "subject-access")
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download JSON" }).click(),
    ])
    const jsonFile = join(outputDir, "subject-access.json")
    await json.saveAs(jsonFile)
    const exported = JSON.parse(readFileSync(jsonFile, "utf8")) as { person?: { id?: string } }
    expect(JSON.stringify(exported)).toContain(victim)
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download PDF" }).click(),
    ])
    const pdfFile = join(outputDir, "subject-access.pdf")
    await pdf.saveAs(pdfFile)
    const text = execFileSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" })
    expect(text.length).toBeGreaterThan(100)
    expect(text).toMatch(/subject access|access/i)
    expect(pdf.suggestedFilename()).toBe("subject-access.pdf")
    // Her id went in the body, never the address bar; nothing stays in the browser.
    expect(auditor.urls.filter((url) => url.includes(victim))).toEqual([])
    expect(await storedText(page)).not.toContain(victim)
    // The others see no subject-access entry.
    const other = await coordinator.newPage()
    await inEnglish(other, "/")
    expect(await other.getByRole("link", { name: "Subject access" }).count()).toBe(0)
    await other.close()
    await page.close()
  })
})
