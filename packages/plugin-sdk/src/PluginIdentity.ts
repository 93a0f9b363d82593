/**
 * Who a plugin is, as the host tells the capability services: every call a
 * plugin makes through a capability is made as this identity, so provenance
 * and audit entries name the plugin that wrote them — a plugin cannot write
 * in another's name.
 */

/**
 * A running plugin's identity.
 */
export interface PluginIdentity {
  /** The npm name (`@bashke/plugin-police`): the `plugin` column of every table. */
  readonly name: string
  /** The plugin's own version, from its manifest. */
  readonly version: string
  /** The short id in URLs and health checks (`police`): see `Manifest.idOf`. */
  readonly id: string
}

/**
 * What the host application provides for a capability: a service per plugin,
 * made for the plugin that will use it.
 */
export interface CapabilityProvider<Service> {
  readonly forPlugin: (plugin: PluginIdentity) => Service
}
