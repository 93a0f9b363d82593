/**
 * Who is signed in — the one module that knows how. Every screen reaches the
 * API through `useApi()` and never sees a credential. Today the credential is
 * an API token (the demo's people get theirs from `bashke start`), held in
 * memory only: never in storage, so closing the tab signs out. The sign-in of
 * people (session cookie, passkeys, password + TOTP) replaces this module
 * alone.
 *
 * When the API answers 401 the session is `expired`: the page stays as it is
 * (with whatever was typed) under the sign-in dialog, and carries on after.
 */
import { BashkeClient, BashkeProblem } from "@bashke/client"
import { useQueryClient } from "@tanstack/react-query"
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react"
import { useText } from "./Text"

export type Status = "signed-out" | "signed-in" | "expired"

export interface Session {
  readonly status: Status
  /** The API, as the signed-in person. */
  readonly api: BashkeClient.Client
  /** Signs in with a credential; false when the API refuses it. */
  readonly signIn: (credential: string) => Promise<boolean>
  readonly signOut: () => void
}

const SessionContext = createContext<Session | undefined>(undefined)

export const SessionProvider = ({ children }: { readonly children: ReactNode }) => {
  const { locale } = useText()
  const queryClient = useQueryClient()
  const credential = useRef<string | undefined>(undefined)
  const [status, setStatus] = useState<Status>("signed-out")
  // Read by the API's middleware, which outlives renders: only a signed-in session can expire.
  const signedIn = useRef(false)
  const localeRef = useRef(locale)
  localeRef.current = locale

  const api = useMemo(() => {
    const client = BashkeClient.make({
      baseUrl: globalThis.location.origin,
      token: () => credential.current ?? "",
      locale: localeRef.current,
    })
    // The language may change after the client is made: ask for the current one on each call.
    client.raw.use({
      onRequest: ({ request }) => {
        request.headers.set("accept-language", localeRef.current)
        if (credential.current === undefined) request.headers.delete("authorization")
        return request
      },
      onResponse: ({ response }) => {
        if (response.status === 401 && signedIn.current) {
          signedIn.current = false
          setStatus("expired")
        }
        return response
      },
    })
    return client
  }, [])

  const signIn = useCallback(
    async (next: string) => {
      const previous = credential.current
      credential.current = next.trim()
      try {
        await api.GET("/v1/mechanisms")
      } catch (error) {
        credential.current = previous
        if (BashkeProblem.is(error) && error.status === 401) return false
        throw error
      }
      signedIn.current = true
      setStatus("signed-in")
      // What the page asked for while signed out or expired, now as this person.
      await queryClient.invalidateQueries()
      return true
    },
    [api, queryClient],
  )

  const signOut = useCallback(() => {
    credential.current = undefined
    signedIn.current = false
    queryClient.clear()
    setStatus("signed-out")
  }, [queryClient])

  const session = useMemo(() => ({ status, api, signIn, signOut }), [status, api, signIn, signOut])
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

export const useSession = (): Session => {
  const session = useContext(SessionContext)
  if (session === undefined) throw new Error("useSession outside SessionProvider")
  return session
}

/** The API as the signed-in person. */
export const useApi = (): BashkeClient.Client => useSession().api
