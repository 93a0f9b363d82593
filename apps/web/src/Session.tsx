/**
 * Who is signed in — the one module that knows how. Every screen reaches the
 * API through `useApi()` and never sees a credential.
 *
 * The credential is the gateway's session cookie (`__Host-bashke`; `bashke`
 * on plain-HTTP loopback): HttpOnly, so no script here can read it, and sent
 * by the browser itself. Changes carry `X-Bashke-Request: 1` (with the
 * browser's `Origin`), the gateway's CSRF defence. A person signs in with a
 * one-time link (`/sign-in#token=…`; the token rides in the fragment, which no
 * server sees, and is wiped from the address bar at once) or with email,
 * password and the authenticator app's code.
 *
 * When the API answers 401 the session has ended: the page stays as it is,
 * with whatever was typed, under a dialog that waits for the person to sign in
 * again (in another tab, with a new link) and then carries on.
 */
import { BashkeClient, BashkeProblem, type Schemas } from "@bashke/client"
import { type Locale, Locale as Locales } from "@bashke/kernel"
import { useQueryClient } from "@tanstack/react-query"
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react"
import { useText } from "./Text"

export type Status = "checking" | "signed-out" | "signed-in" | "expired"

export type Me = Schemas["Me"]

/** What the password form sends: the code is a TOTP code or a recovery code. */
export interface PasswordAttempt {
  readonly email: string
  readonly password: string
  readonly code?: string
}

export interface Session {
  readonly status: Status
  /** The signed-in person, as `GET /v1/me` describes them. */
  readonly me: Me | undefined
  /** The API, as the signed-in person. */
  readonly api: BashkeClient.Client
  /** Signs in with a one-time link's token; false when the link is unknown, used or expired. */
  readonly signInWithLink: (token: string) => Promise<boolean>
  /**
   * Signs in with email, password and the second factor's code; the API's
   * problem (the rule refused, in the page's language) when it refuses.
   */
  readonly signInWithPassword: (attempt: PasswordAttempt) => Promise<BashkeProblem | undefined>
  /** Asks the API again whether the browser holds a session (after signing in in another tab). */
  readonly recheck: () => Promise<boolean>
  /** Remembers the language for the person (they read and are written to in it). */
  readonly rememberLanguage: (locale: Locale.Locale) => void
  readonly signOut: () => Promise<void>
}

const SessionContext = createContext<Session | undefined>(undefined)

const csrfHeader = "x-bashke-request"
const isUnauthenticated = (error: unknown) => BashkeProblem.is(error) && error.status === 401

export const SessionProvider = ({ children }: { readonly children: ReactNode }) => {
  const { locale, setLocale } = useText()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<Status>("checking")
  const [me, setMe] = useState<Me | undefined>(undefined)
  // Read by the API's middleware, which outlives renders: only a signed-in session can expire.
  const signedIn = useRef(false)
  const localeRef = useRef(locale)
  localeRef.current = locale

  const api = useMemo(() => {
    const client = BashkeClient.make({ baseUrl: globalThis.location.origin })
    client.raw.use({
      onRequest: ({ request }) => {
        // The language may change after the client is made: the current one on each call.
        request.headers.set("accept-language", localeRef.current)
        if (request.method !== "GET" && request.method !== "HEAD") request.headers.set(csrfHeader, "1")
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

  const enter = useCallback(
    async (person: Me) => {
      signedIn.current = true
      setMe(person)
      setStatus("signed-in")
      if ((Locales.all as ReadonlyArray<string>).includes(person.language)) setLocale(person.language)
      // What the page asked for while signed out or expired, now as this person.
      await queryClient.invalidateQueries()
    },
    [queryClient, setLocale],
  )

  const recheck = useCallback(async () => {
    try {
      await enter((await api.GET("/v1/me")).data)
      return true
    } catch (error) {
      if (!isUnauthenticated(error)) throw error
      return false
    }
  }, [api, enter])

  useEffect(() => {
    recheck().then(
      (found) => {
        if (!found) setStatus((now) => (now === "checking" ? "signed-out" : now))
      },
      () => setStatus((now) => (now === "checking" ? "signed-out" : now)),
    )
  }, [recheck])

  const signInWithLink = useCallback(
    async (token: string) => {
      try {
        await enter((await api.POST("/v1/sign-in/link", { body: { token } })).data)
        return true
      } catch (error) {
        if (BashkeProblem.is(error) && error.status < 500) return false
        throw error
      }
    },
    [api, enter],
  )

  const signInWithPassword = useCallback(
    async (attempt: PasswordAttempt) => {
      try {
        await enter((await api.POST("/v1/sign-in/password", { body: attempt })).data)
        return undefined
      } catch (error) {
        if (BashkeProblem.is(error) && error.status < 500) return error
        throw error
      }
    },
    [api, enter],
  )

  const rememberLanguage = useCallback(
    (next: Locale.Locale) => {
      if (!signedIn.current) return
      void api.PUT("/v1/me/language", { body: { language: next } }).catch(() => {})
    },
    [api],
  )

  const signOut = useCallback(async () => {
    await api.POST("/v1/sign-out").catch(() => {})
    signedIn.current = false
    setMe(undefined)
    queryClient.clear()
    setStatus("signed-out")
  }, [api, queryClient])

  const session = useMemo(
    () => ({ status, me, api, signInWithLink, signInWithPassword, recheck, rememberLanguage, signOut }),
    [status, me, api, signInWithLink, signInWithPassword, recheck, rememberLanguage, signOut],
  )
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

export const useSession = (): Session => {
  const session = useContext(SessionContext)
  if (session === undefined) throw new Error("useSession outside SessionProvider")
  return session
}

/** The API as the signed-in person. */
export const useApi = (): BashkeClient.Client => useSession().api
