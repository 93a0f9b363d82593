// Issue 20, item 8: the packages' service layers are alike — `layerSql` is a
// layer (a value), never a function to call (`CaseService.layerSql()` was one
// while `ReferralService.layerSql` was a value). This walks every module every
// domain package exports, so a new service is held to it too.
import * as ActionPlan from "@bashke/action-plan"
import * as Case from "@bashke/case"
import * as Identity from "@bashke/identity"
import * as Kernel from "@bashke/kernel"
import * as Mechanism from "@bashke/mechanism"
import * as Meeting from "@bashke/meeting"
import * as Notifications from "@bashke/notifications"
import * as Persistence from "@bashke/persistence"
import * as PluginSdk from "@bashke/plugin-sdk"
import * as Referral from "@bashke/referral"
import * as Reporting from "@bashke/reporting"
import * as Security from "@bashke/security"
import { describe, expect, it } from "@effect/vitest"
import { Layer } from "effect"

const packages: Record<string, Record<string, unknown>> = {
  "@bashke/action-plan": ActionPlan,
  "@bashke/case": Case,
  "@bashke/identity": Identity,
  "@bashke/kernel": Kernel,
  "@bashke/mechanism": Mechanism,
  "@bashke/meeting": Meeting,
  "@bashke/notifications": Notifications,
  "@bashke/persistence": Persistence,
  "@bashke/plugin-sdk": PluginSdk,
  "@bashke/referral": Referral,
  "@bashke/reporting": Reporting,
  "@bashke/security": Security,
}

/** Each exported module's `layerSql`: `package Module` → whether it is a layer. */
const layerSqls = (): Record<string, boolean> =>
  Object.fromEntries(
    Object.entries(packages).flatMap(([name, exports]) =>
      Object.entries(exports)
        .filter(([, module]) => typeof module === "object" && module !== null && "layerSql" in module)
        .map(([module, value]) => [`${name} ${module}`, Layer.isLayer((value as { layerSql: unknown }).layerSql)]),
    ),
  )

describe("the packages' service layers", () => {
  it("every layerSql is a layer, not a function", () => {
    const found = layerSqls()
    // The walk reaches the services (case, referral, mechanism, identity's stores, …).
    expect(Object.keys(found)).toEqual(
      expect.arrayContaining(["@bashke/case CaseService", "@bashke/referral ReferralService"]),
    )
    expect(Object.entries(found).filter(([, isLayer]) => !isLayer)).toEqual([])
  })
})
