/**
 * Signing in at the institution's identity provider, offered only when the
 * gateway has one (`GET /v1/sign-in/methods`): a link, not a request — the
 * browser goes to the gateway, which sends it on to the provider and, once
 * signed in there, back to the app with its session (ADR 0015).
 */
import { useQuery } from "@tanstack/react-query"
import { useApi } from "../Session"
import { useText } from "../Text"

export const ProviderSignIn = () => {
  const { t } = useText()
  const api = useApi()
  const methods = useQuery({
    queryKey: ["sign-in-methods"],
    queryFn: async () => (await api.GET("/v1/sign-in/methods")).data ?? { oidc: null },
    staleTime: Number.POSITIVE_INFINITY,
  })
  const provider = methods.data?.oidc
  if (provider === undefined || provider === null) return null
  return (
    <p className="provider-sign-in">
      <a className="button primary" href={provider.start}>
        {t("web.sign-in.provider", { name: provider.name })}
      </a>
    </p>
  )
}
