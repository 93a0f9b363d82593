/**
 * Where a notification or a worklist item leads in the web app: a path under
 * the app's origin, built from ids only (never a personal detail, so a link in
 * an email gives nothing away). The web app routes these paths.
 */
import type { Due, Id } from "@bashke/kernel"

/**
 * The path of what a due item or an event is about.
 */
export const pathOf = (subject: Due.Subject, caseId?: Id.CaseId | undefined): string => {
  const id = encodeURIComponent(subject.id)
  switch (subject.type) {
    case "referral":
      return `/referrals/${id}`
    case "protection-order":
      return caseId === undefined
        ? `/protection-orders/${id}`
        : `/cases/${encodeURIComponent(caseId)}/protection-orders/${id}`
    case "meeting":
      return `/meetings/${id}`
    case "action-item":
      return `/action-items/${id}`
    case "case":
      return `/cases/${id}`
  }
}

/**
 * Where a person sets how they are told.
 */
export const preferencesPath = "/settings/notifications"

/**
 * An absolute link: the path under the app's public origin.
 */
export const absolute = (publicUrl: string, path: string): string => `${publicUrl.replace(/\/+$/, "")}${path}`
