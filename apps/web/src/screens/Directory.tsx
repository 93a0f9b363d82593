/**
 * The service directory: services by type, with their capacity and how old
 * that figure is (a shelter's free beds of last month are not today's); a
 * provider's own people update its services' capacity here.
 */
import { ServiceType } from "@bashke/referral"
import { useQuery } from "@tanstack/react-query"
import { useNavigate } from "@tanstack/react-router"
import { Loaded } from "../Loading"
import type { DirectorySearch } from "../Search"
import { useApi, useSession } from "../Session"
import { addMessages, type MessageKey, usePageTitle, useText } from "../Text"
import { webCaseworkMessages } from "../WebCaseworkMessages"
import { CapacityForm } from "./CapacityForm"

addMessages(webCaseworkMessages)

const typeKey = (type: string) => `referral.service-type.${type}` as MessageKey

export const Directory = ({ search }: { readonly search: DirectorySearch }) => {
  const { t, dateTime, number } = useText()
  usePageTitle(t("web.directory.title"))
  const api = useApi()
  const mine = useSession().me?.institution
  const navigate = useNavigate()
  const services = useQuery({
    queryKey: ["services", search.type],
    queryFn: async () =>
      (
        await api.GET("/v1/services", {
          params: {
            query: { active: "true", limit: 100, ...(search.type === undefined ? {} : { type: search.type }) },
          },
        })
      ).data,
  })
  return (
    <>
      <h1>{t("web.directory.title")}</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label className="field inline">
          <span>{t("web.directory.type.label")}</span>
          <select
            value={search.type ?? ""}
            onChange={(event) => {
              const type = event.currentTarget.value
              navigate({ to: "/directory", search: type === "" ? {} : { type: type as ServiceType.ServiceType } })
            }}
          >
            <option value="">{t("web.directory.type.any")}</option>
            {ServiceType.ServiceType.literals.map((type) => (
              <option key={type} value={type}>
                {t(typeKey(type))}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Loaded query={services}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("web.directory.empty")}</p>
          ) : (
            <ul className="cards">
              {page.items.map((service) => (
                <li key={service.id} className="card">
                  <h2 translate="no">{service.name}</h2>
                  <p className="tag">{t(typeKey(service.type))}</p>
                  <p>
                    {service.capacity === undefined
                      ? t("web.directory.capacity.unknown")
                      : t("web.directory.capacity", {
                          available: number(service.capacity.available),
                          total: number(service.capacity.total),
                        })}
                    {service.capacity !== undefined && (
                      <span className="meta">
                        {" · "}
                        {t("web.directory.capacity.as-of", { when: dateTime(service.capacity.updatedAt) })}
                      </span>
                    )}
                  </p>
                  <p className="meta">{t("web.directory.languages", { languages: service.languages.join(", ") })}</p>
                  {service.institution === mine && <CapacityForm service={service} />}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  )
}
