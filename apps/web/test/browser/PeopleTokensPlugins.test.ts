// The administration screens that act, clicked through in Chromium on the
// real gateway with the demo and the police plugin loaded (its upstream a
// small local server with nothing new; its reports uploaded as a signed CSV):
// an administrator invites a person and the invitation's link enrols them;
// makes an API token, sees its secret once, revokes it, and the API refuses
// the token; the coordinator matches a police report to a case and attaches
// another to a case opened for it; a report the plugin could not read shows
// as a dead letter and is replayed. The review queue with the keyboard alone.
import { createHmac } from "node:crypto"
import { createServer, type Server } from "node:http"
import type { Locator, Page } from "playwright-core"
import { afterAll, describe, expect, it } from "vitest"
import { institutions } from "../../../gateway/src/demo/World"
import { screenshot, seriousViolations } from "./Harness"
import { chooseOption, pressOn } from "./Keyboard"
import { testWorld } from "./World"

const webhookSecret = "a-police-webhook-secret-for-the-browser-tests"

// The police API the plugin pulls from: always nothing new.
let upstream: Server | undefined
const upstreamUrl = () =>
  new Promise<string>((resolve) => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" })
      response.end(JSON.stringify({ records: [], next: null }))
    })
    upstream = server
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      resolve(`http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`)
    })
  })
afterAll(() => new Promise<void>((resolve) => (upstream === undefined ? resolve() : upstream.close(() => resolve()))))

const world = testWorld({
  people: ["administrator", "coordinator"],
  gateway: async () => {
    const baseUrl = await upstreamUrl()
    return {
      plugins: (mechanismId) => ({
        plugins: [
          {
            package: "@bashke/plugin-police",
            grant: ["schedule:pull", "routes:webhook", "incidents:import", "persons:match", "review-queue:write"],
            config: { baseUrl, apiKey: "browser-test-key", intervalSeconds: 3600 },
            webhook: { secrets: [webhookSecret] },
            principal: {
              id: "01KDVDNXH02GA1850M2GA1850X",
              institution: institutions.police.id,
              sector: "police",
              mechanisms: [mechanismId],
              petitioner: "police",
            },
          },
        ],
      }),
    }
  },
})

/** Uploads police reports as the police's export would: a CSV, signed with the webhook's secret. */
const uploadReports = async (rows: ReadonlyArray<string>) => {
  const body = [
    "report_id,reported_at,occurred_on,municipality,forms,victim_given_name,victim_birth_date,victim_sex",
    ...rows,
  ].join("\n")
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = createHmac("sha256", webhookSecret).update(`${timestamp}.${body}`).digest("hex")
  const answer = await fetch(`${world.gateway.url}/v1/plugins/police/reports/csv`, {
    method: "POST",
    headers: {
      "content-type": "text/csv",
      "x-bashke-timestamp": timestamp,
      "x-bashke-signature": `sha256=${signature}`,
    },
    body,
  })
  expect(answer.status, await answer.clone().text()).toBe(202)
}

const today = new Date().toISOString().slice(0, 10)
const report = (id: string, birthDate = "1990-04-02") =>
  `${id},${today}T08:00:00Z,${today},GJI,physical,Vjosa,${birthDate},female`

// The case the coordinator opened for a report: the later reports are resolved to it too.
let opened = ""

/**
 * The number of items listed under `heading` (`#reviews`, `#dead-letters`)
 * on the plugins page, reloaded until it is `expected`: the plugin works its
 * inbox in the background.
 */
const untilListed = (page: Page, heading: string, expected: (count: number) => boolean) =>
  expect
    .poll(
      async () => {
        await page.reload()
        await page.locator(`${heading} ~ ul, ${heading} ~ p`).first().waitFor()
        return page.locator(`${heading} ~ ul .item`).count()
      },
      { timeout: 120_000, interval: 2_000 },
    )
    .toSatisfy(expected)

/** The plugins page until at least `count` review items are listed. */
const reviewsListed = (page: Page, count: number) => untilListed(page, "#reviews", (listed) => listed >= count)

describe("people and invitations", () => {
  it("an administrator invites a person; the invitation's link enrols them", async () => {
    const page = await world.page("administrator", { path: "/admin/people", locale: "en" })
    await page.locator(".worklist .item").first().waitFor()
    const form = page.getByRole("form", { name: "Invite a person" })
    await form.getByLabel("Name").fill("Arbëresha Invited")
    await form.getByLabel("Email").fill("arberesha.invited@gjilan.example")
    await form.getByLabel("Language").selectOption("en")
    await form.getByLabel("Institution").selectOption({ label: institutions.socialWork.name.en })
    await form.getByRole("checkbox", { name: "Case worker" }).check()
    await form.getByRole("button", { name: "Invite a person" }).click()
    const link = page.locator("section[aria-labelledby=invite] .secret code")
    await link.waitFor()
    const address = (await link.textContent()) ?? ""
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitation#token=\S+$/)
    // The new person in the list, with the institution by name.
    const listed = page.locator(".worklist .item", { hasText: "Arbëresha Invited" })
    await listed.waitFor()
    expect(await listed.textContent()).toContain(institutions.socialWork.name.en)
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "admin-people-invited-desk")

    // The link, opened by the invited person in a browser of their own, starts their enrolment.
    const invited = await (await world.launch()).newPage()
    await invited.goto(address)
    await invited.getByTestId("language").selectOption("en")
    await invited.getByLabel("New password (at least 12 characters)").waitFor()
    expect(invited.url()).not.toContain("token=")
    await page.close()
  })
})

describe("API tokens", () => {
  it("makes a token, shows its secret once, revokes it, and the API then refuses it", async () => {
    const page = await world.page("administrator", { path: "/admin/tokens", locale: "en" })
    const form = page.getByRole("form", { name: "Make a token" })
    await form.getByLabel("Label").fill("police-export")
    await form.getByLabel("Institution").selectOption({ label: institutions.police.name.en })
    await form.getByRole("button", { name: "Make a token" }).click()
    const secret = page.locator(".secret code")
    await secret.waitFor()
    const token = (await secret.textContent()) ?? ""
    expect(token).toMatch(/^bsk_/)
    const me = () => fetch(`${world.gateway.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })
    expect((await me()).status).toBe(200)

    // Shown once: not after a reload, nor anywhere the browser keeps.
    await page.reload()
    const row = page.locator("tbody tr", { hasText: "police-export" })
    await row.waitFor()
    expect(await page.locator(".secret code").count()).toBe(0)
    expect(await row.textContent()).toContain(institutions.police.name.en)
    await row.getByRole("button", { name: "Revoke police-export" }).click()
    await expect.poll(() => row.textContent()).toMatch(/Revoked on/)
    expect((await me()).status).toBe(401)
    await page.close()
  })
})

describe("the plugins' review queue and dead letters", () => {
  it("the coordinator opens a case for a police report, and matches another report to that case", async () => {
    // Two reports without a personal number (never matched by the plugin alone), and one it cannot read.
    await uploadReports([report("KB-NEW-1"), report("KB-MATCH-1"), report("KB-BAD-1", "1990-13-45")])
    const page = await world.page("coordinator", { path: "/admin/plugins", locale: "en" })
    await reviewsListed(page, 2)
    const items = page.locator("#reviews ~ ul .item")
    expect(await items.first().textContent()).toMatch(/Record from police/)
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "admin-plugins-reviews-desk")

    // A new case: the form's link opens the wizard; back on the queue, the case is chosen by its reference.
    await items.first().getByLabel("What it is").selectOption("NewCaseOpened")
    await items.first().getByRole("link", { name: "Open a case" }).click()
    opened = await openCase(page)
    const openedUrl = page.url()
    await page.getByRole("link", { name: "Administration" }).click()
    await page.getByRole("link", { name: "Plugins" }).click()
    await reviewsListed(page, 2)
    await resolve(page, items.first(), "NewCaseOpened", opened)
    await expect.poll(() => items.count()).toBe(1)

    // The other report is the same survivor's: matched to that case.
    await resolve(page, items.first(), "Matched", opened)
    await page.getByText("Nothing to review.").waitFor()
    await page.getByLabel("Show").selectOption("all")
    await expect.poll(() => items.count()).toBe(2)
    expect(await items.allTextContents()).toEqual([
      expect.stringContaining(`Attached to case ${opened}.`),
      expect.stringContaining(`Attached to case ${opened}.`),
    ])
    // Both reports' incidents are on the case now, beside the one the wizard recorded.
    await page.goto(openedUrl)
    await page.locator("#timeline").waitFor()
    await expect.poll(() => page.locator("#timeline ~ ol li", { hasText: "Incident" }).count()).toBe(3)
    await page.close()
  })

  it("the report the plugin could not read is a dead letter, replayed by the administrator", async () => {
    const page = await world.page("administrator", { path: "/admin/plugins", locale: "en" })
    const letters = page.locator("#dead-letters ~ ul .item")
    await untilListed(page, "#dead-letters", (listed) => listed === 1)
    const letter = letters.first()
    expect(await letter.textContent()).toMatch(/Record from police/)
    // The code names the field, never the value.
    expect(await letter.locator("code").textContent()).toMatch(/record\.malformed:victim\.birth-date/)
    expect(await letter.textContent()).not.toContain("1990-13-45")
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "admin-plugins-dead-letter-desk")
    const attempts = (await letter.locator(".meta").textContent())?.match(/(\d+) attempts?/)?.[1]
    const replayed = page.waitForResponse((response) => response.url().endsWith("/v1/plugins/dead-letters/replay"))
    await letter.getByRole("button", { name: "Replay" }).click()
    expect(await (await replayed).json()).toEqual({ replayed: true })
    // Tried again from its first attempt: still unreadable, the plugin gives up on it again.
    await untilListed(page, "#dead-letters", (listed) => listed === 1)
    expect(attempts).toBeDefined()
    await page.close()
  })

  it("resolves a review item with the keyboard alone", async () => {
    await uploadReports([report("KB-KEYS-1")])
    const page = await world.page("coordinator", { path: "/admin/plugins", locale: "en" })
    await reviewsListed(page, 1)
    const queue = page.locator("#reviews ~ ul .item")
    const before = await queue.count()
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    const item = queue.first()
    await chooseOption(page, item.getByLabel("What it is"), "An existing case", 200)
    await chooseOption(page, item.getByLabel("Case"), opened)
    await pressOn(page, item.getByRole("button", { name: "Resolve" }))
    await expect.poll(() => queue.count()).toBe(before - 1)
    await page.close()
  })
})

/** Resolves a review item as `how`, with the case of `reference`; the API must accept it. */
const resolve = async (page: Page, item: Locator, how: "Matched" | "NewCaseOpened", reference: string) => {
  await item.getByLabel("What it is").selectOption(how)
  await item.getByLabel("Case").selectOption({ label: reference })
  const answered = page.waitForResponse((response) => response.url().endsWith("/resolution"))
  await item.getByRole("button", { name: "Resolve" }).click()
  const answer = await answered
  expect(answer.status(), await answer.text()).toBe(200)
}

/** Opens a case from the wizard (a victim, a psychological incident, the police's early assessment left at standard) and returns its reference. */
const openCase = async (page: Page): Promise<string> => {
  await page.locator("#input-persons-0-sex").selectOption("female")
  await page.getByRole("button", { name: "Next" }).click()
  await page.locator('input[name="forms"][value="physical"]').check()
  await page.locator("#input-children").selectOption("none")
  await page.locator("#input-source").selectOption("police-report")
  await page.getByRole("button", { name: "Next" }).click()
  for (const question of await page.locator("fieldset.question").all())
    await question.locator('input[value="no"]').check()
  await page.getByRole("button", { name: "Next" }).click()
  await page.getByRole("button", { name: "Open the case" }).click()
  await page.waitForURL(/\/cases\/[0-9A-Z]{26}$/)
  await page.locator("#timeline").waitFor()
  return ((await page.locator("h1").textContent()) ?? "").replace(/^Case /, "")
}
