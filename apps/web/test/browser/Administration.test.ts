// The administration pages in Chromium against the real gateway with the demo:
// (1) an administrator records the school's signature of the memorandum and
// countersigns it, and the school's teacher — a non-signatory until then —
// sees the case list; (2) every administration page at desk and phone size,
// accessible (axe: no serious or critical violation), nothing overflowing at
// 390 px, and in all four languages; (3) an API token made (its secret shown
// once), refused bad input shown by its field, and revoked; (4) no institution
// id shown on any main, meetings, plan, statistics or administration page where
// the registry has a name.
import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { institutions } from "../../../gateway/src/demo/World"
import {
  chooseLanguage,
  go,
  open,
  screenshot,
  seriousViolations,
  signInWithLink,
  untilLoaded,
  viewports,
} from "./Harness"
import { expectAccessible, expectInEveryLanguage, type Screen, visit } from "./Sweep"
import { testWorld } from "./World"

const world = testWorld({ people: ["administrator"] })

/** The administration pages, each with what shows it is loaded. */
const adminScreens: ReadonlyArray<Screen> = [
  { name: "admin-mechanism", path: "/admin/mechanism", ready: "form .field" },
  { name: "admin-members", path: "/admin/members", ready: ".worklist .item" },
  { name: "admin-memorandum", path: "/admin/memorandum", ready: "table" },
  { name: "admin-institutions", path: "/admin/institutions", ready: ".worklist .item" },
  { name: "admin-people", path: "/admin/people", ready: ".worklist .item" },
  { name: "admin-tokens", path: "/admin/tokens", ready: "form .field" },
  { name: "admin-plugins", path: "/admin/plugins", ready: "#dead-letters" },
]

const school = institutions.education.name.en

describe("administration in a browser", () => {
  it("an administrator countersigns the school's signature; the school's teacher then sees the case list", async () => {
    // Before: the school has not signed, so its teacher is refused the case list.
    const teacher = await world.launch()
    const before = await teacher.newPage()
    await signInWithLink(before, world.gateway, "teacher")
    await chooseLanguage(before, "en")
    await before.getByRole("link", { name: "Cases" }).click()
    await before.locator("main [role=alert], main table").first().waitFor()
    expect(await before.locator("tbody tr").count()).toBe(0)
    await before.close()

    const page = await world.page("administrator", { locale: "en" })
    await page.getByRole("link", { name: "Administration" }).click()
    await page.getByRole("link", { name: "Memorandum" }).click()
    await page.locator("table").first().waitFor()
    // The demo's memorandum expects no education sector: no gap without the school.
    await expect
      .poll(() => page.locator("section[aria-labelledby=composition]").textContent())
      .toContain("Every sector the memorandum expects has a signatory.")
    const latest = page.locator("section[aria-labelledby^=memorandum-]").first()
    await latest.locator("summary", { hasText: "Record a signature" }).click()
    await latest.getByLabel("Institution").selectOption({ label: school })
    await latest.getByLabel("Who signed (kept sealed)").fill("Dragan Petrović")
    await latest.getByRole("button", { name: "Record a signature" }).click()
    const countersign = latest.getByRole("button", { name: `Countersign the signature of ${school}` })
    await countersign.waitFor()
    await screenshot(page, "admin-memorandum-countersign-desk")
    await countersign.click()
    await countersign.waitFor({ state: "detached" })
    const row = latest.locator("tbody tr", { hasText: school })
    await expect.poll(() => row.locator("td").nth(1).textContent()).toMatch(/\d{4}/)
    expect(await seriousViolations(page)).toEqual([])
    await page.close()

    // After: the same teacher, in the same browser, sees the mechanism's cases.
    const after = await teacher.newPage()
    await open(after, world.gateway, "/cases")
    await after.locator("tbody tr").first().waitFor()
    expect(await after.locator("tbody tr th a").count()).toBeGreaterThan(0)
    await after.close()
  })

  for (const size of ["desk", "phone"] as const) {
    it(`every administration page at ${viewports[size].width}×${viewports[size].height}: accessible, nothing overflowing`, async () => {
      const page = await world.page("administrator", { size, locale: "en" })
      await expectAccessible(page, adminScreens, size)
      await page.close()
    })
  }

  it("every administration page in all four languages, with no missing key and no other language's text", async () => {
    const page = await world.page("administrator")
    await expectInEveryLanguage(page, adminScreens)
    await page.close()
  })

  it("makes an API token (its secret shown once), shows a refusal by its field, and revokes the token", async () => {
    const page = await world.page("administrator", { path: "/admin/tokens", locale: "en" })
    const form = page.getByRole("form", { name: "Make a token" })
    await form.getByLabel("Label").fill("Not A Label")
    await form.getByRole("button", { name: "Make a token" }).click()
    const label = form.getByLabel("Label")
    await expect.poll(() => label.getAttribute("aria-invalid")).toBe("true")
    expect(await form.locator(".error").first().textContent()).toMatch(/lower-case letters/)
    await label.fill("police-connector")
    await form.getByLabel("Institution").selectOption({ label: institutions.police.name.en })
    await form.getByRole("button", { name: "Make a token" }).click()
    const secret = page.locator(".secret code")
    await secret.waitFor()
    expect(await secret.textContent()).toMatch(/^bsk_/)
    const row = page.locator("tbody tr", { hasText: "police-connector" })
    await row.waitFor()
    expect(await row.textContent()).toContain(institutions.police.name.en)
    expect(await seriousViolations(page)).toEqual([])
    await row.getByRole("button", { name: "Revoke police-connector" }).click()
    await expect.poll(() => row.textContent()).toMatch(/Revoked on/)
    await page.close()
  })

  it("refuses a cadence out of range beside its field and keeps the mechanism as it was", async () => {
    const page = await world.page("administrator", { path: "/admin/mechanism", locale: "en", size: "phone" })
    const cadence = page.getByLabel("Regular meetings a year, at least")
    await cadence.waitFor()
    const before = await cadence.inputValue()
    await cadence.fill("0")
    await page.getByRole("button", { name: "Save" }).click()
    await expect.poll(() => cadence.getAttribute("aria-invalid")).toBe("true")
    const error = page.locator(`#${(await cadence.getAttribute("aria-describedby")) ?? "none"}`)
    expect((await error.textContent())?.length ?? 0).toBeGreaterThan(0)
    expect(await seriousViolations(page)).toEqual([])
    await page.reload()
    await page.getByLabel("Regular meetings a year, at least").waitFor()
    expect(await page.getByLabel("Regular meetings a year, at least").inputValue()).toBe(before)
    await page.close()
  })

  it("publishes a new memorandum version from the signed document's fingerprint; without a document, the refusal is beside the field", async () => {
    const page = await world.page("administrator", { path: "/admin/memorandum", locale: "en" })
    await page.locator("table").first().waitFor()
    const versions = await page.locator("section[aria-labelledby^=memorandum-]").count()
    await page.locator("summary", { hasText: "Publish a new version" }).click()
    const form = page.getByRole("form", { name: "Publish a new version" })
    // In force only from a far day: today's signatories stay what they are for the tests after this one.
    await form.getByLabel("In force from").fill("2099-01-01")
    await form.getByRole("button", { name: "Publish a new version" }).click()
    const document = form.getByLabel("The signed document")
    await expect.poll(() => document.getAttribute("aria-invalid")).toBe("true")
    expect(await page.locator("section[aria-labelledby^=memorandum-]").count()).toBe(versions)
    await document.setInputFiles({
      name: "memorandum-2.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4 the signed memorandum, version 2"),
    })
    await form.locator(".secret code").waitFor()
    expect(await form.locator(".secret code").textContent()).toMatch(/^[0-9a-f]{64}$/)
    await form.getByRole("button", { name: "Publish a new version" }).click()
    await expect.poll(() => page.locator("section[aria-labelledby^=memorandum-]").count()).toBe(versions + 1)
    expect(await page.locator("section[aria-labelledby^=memorandum-] h2").first().textContent()).toMatch(
      new RegExp(`^Version ${versions + 1}, in force from`),
    )
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it("shows no institution id on any page where the registry has the institution's name", async () => {
    const ids = Object.values(institutions).map((institution) => institution.id)
    const page = await world.page("administrator", { locale: "en" })
    const caseworker = await world.launch()
    const coordinating = await world.launch()
    // The case worker's screens (a case page, referrals, the services), then the administrator's.
    const worker = await caseworker.newPage()
    await signInWithLink(worker, world.gateway, "caseManager")
    await chooseLanguage(worker, "en")
    await open(worker, world.gateway, "/cases")
    const first = worker.locator("tbody tr th a").first()
    await first.waitFor()
    const caseLink = (await first.getAttribute("href")) as string
    const shown: Array<string> = []
    const seen = async (on: Page) => {
      await untilLoaded(on)
      // Every text (hidden parts too) and attribute a person may read or hear (labels, titles, options).
      shown.push(
        await on.evaluate(() =>
          [
            document.body.textContent ?? "",
            ...Array.from(document.querySelectorAll("[aria-label],[title],option,summary")).map(
              (element) =>
                `${element.getAttribute("aria-label") ?? ""} ${element.getAttribute("title") ?? ""} ${element.textContent ?? ""}`,
            ),
          ].join("\n"),
        ),
      )
    }
    for (const [path, ready] of [
      ["/", "h1"],
      ["/cases", "table"],
      [caseLink, "#timeline"],
      ["/referrals", ".worklist"],
      ["/directory", ".cards"],
    ] as const) {
      await go(worker, path)
      await worker.locator(ready).first().waitFor()
      // The case page's forms list institutions too: open them so what they show is read.
      await worker.evaluate(() => {
        for (const details of Array.from(document.querySelectorAll("details"))) details.open = true
      })
      await seen(worker)
    }
    for (const screen of adminScreens) {
      await visit(page, screen)
      await seen(page)
    }
    // The coordinator's: the meetings and a meeting, the action plans and a plan, the statistics.
    const coordinator = await coordinating.newPage()
    await signInWithLink(coordinator, world.gateway, "coordinator")
    await chooseLanguage(coordinator, "en")
    for (const [path, ready, first] of [
      ["/meetings", "[data-testid=meeting]", "[data-testid=meeting] a"],
      ["/plans", "[data-testid=plans]", "[data-testid=plans] a"],
      ["/statistics", "[data-table]", undefined],
    ] as const) {
      await go(coordinator, path)
      await coordinator.locator(ready).first().waitFor()
      await seen(coordinator)
      if (first !== undefined) {
        await coordinator.locator(first).first().click()
        await coordinator.waitForURL(/\/[0-9A-Z]{26}$/)
        await coordinator.locator("main h1").first().waitFor()
        await coordinator.evaluate(() => {
          for (const details of Array.from(document.querySelectorAll("details"))) details.open = true
        })
        await seen(coordinator)
      }
    }
    const text = shown.join("\n")
    expect(shown.length).toBe(5 + adminScreens.length + 5)
    // The pages did show institutions — by name.
    expect(text).toContain(institutions.shelter.name.en)
    expect(text).toContain(institutions.police.name.en)
    expect(ids.filter((id) => text.includes(id))).toEqual([])
    await page.close()
  })
})
