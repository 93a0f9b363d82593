/**
 * A link whose path the API gave (a worklist item's `link`): routed inside the
 * app without a page load. Those paths carry ids only (`/cases/…`).
 */
import { useRouter } from "@tanstack/react-router"
import type { ReactNode } from "react"

export const ServerLink = ({ path, children }: { readonly path: string; readonly children: ReactNode }) => {
  const router = useRouter()
  const local = path.startsWith("/") && !path.startsWith("//")
  return (
    <a
      href={local ? path : "/"}
      onClick={(event) => {
        if (!local || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
        event.preventDefault()
        router.history.push(path)
      }}
    >
      {children}
    </a>
  )
}
