/**
 * `@bashke/identity`: the people of the mechanisms — staff of member
 * institutions and of the installation — with their roles per mechanism,
 * sessions and one-time sign-in links. Every credential resolves to the
 * kernel's `Principal`, so the access policy never asks how someone signed in.
 * Names and emails are sealed; nothing here logs them. Driver-free: it runs on
 * Node and Workers.
 */

/**
 * Administering people (deactivation).
 *
 * @since 0.1.0
 */
export * as Administration from "./Administration"

/**
 * Passwords and second factors.
 *
 * @since 0.1.0
 */
export * as Credentials from "./Credentials"

/**
 * Roles per mechanism, and the principal they make.
 */
export * as Grants from "./Grants"

/**
 * The catalogue of this package's rules.
 */
export * from "./IdentityMessages"

/**
 * The migrations.
 */
export * from "./IdentityMigrations"
/**
 * Password hashing (argon2id).
 *
 * @since 0.1.0
 */
export * as Password from "./Password"
/**
 * The people's store.
 */
export * as People from "./People"

/**
 * A person.
 */
export * as Person from "./Person"

/**
 * The claims of an institution's identity provider, mapped to a person.
 */
export * as ProviderClaims from "./ProviderClaims"

/**
 * Browsers' sign-ins at an identity provider while under way.
 */
export * as ProviderFlows from "./ProviderFlows"

/**
 * Signing in through an institution's identity provider.
 */
export * as ProviderSignIn from "./ProviderSignIn"

/**
 * Which person a provider's subject is.
 */
export * as ProviderSubjects from "./ProviderSubjects"

/**
 * Opaque secrets (session cookies, link tokens), stored hashed.
 */
export * as Secret from "./Secret"

/**
 * A session and its timeouts.
 */
export * as Session from "./Session"

/**
 * The sessions' store.
 */
export * as Sessions from "./Sessions"

/**
 * Signing in.
 */
export * as SignIn from "./SignIn"

/**
 * One-time links.
 */
export * as SignInLink from "./SignInLink"

/**
 * The one-time links' store.
 */
export * as SignInLinks from "./SignInLinks"

/**
 * Time-based one-time codes.
 *
 * @since 0.1.0
 */
export * as Totp from "./Totp"
