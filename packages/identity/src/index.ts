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
 */
export * as Administration from "./Administration"

/**
 * Changing a person's roles.
 */
export * as ChangeRoles from "./ChangeRoles"

/**
 * Passwords and second factors.
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
 * Invitations: the person to be and their grants.
 */
export * as Invitation from "./Invitation"
/**
 * Inviting people, and accepting an invitation (enrolment at the first sign-in).
 */
export * as Invitations from "./Invitations"
/**
 * Listing the people of a mechanism.
 */
export * as ListPeople from "./ListPeople"
/**
 * The port asking whether an institution is a member of a mechanism.
 */
export * as MemberInstitutions from "./MemberInstitutions"
/**
 * The caller's own sessions.
 */
export * as MySessions from "./MySessions"
/**
 * Passkeys (WebAuthn): the ceremonies' JSON, the relying party, the counter rule.
 */
export * as Passkey from "./Passkey"

/**
 * Enrolling a passkey.
 */
export * as PasskeyEnrolment from "./PasskeyEnrolment"
/**
 * Signing in with a passkey.
 */
export * as PasskeySignIn from "./PasskeySignIn"
/**
 * The passkeys' store and their one-time challenges.
 */
export * as Passkeys from "./Passkeys"

/**
 * Password hashing (argon2id).
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
 * A person's sign-in history.
 */
export * as SignInHistory from "./SignInHistory"

/**
 * One-time links.
 */
export * as SignInLink from "./SignInLink"

/**
 * The one-time links' store.
 */
export * as SignInLinks from "./SignInLinks"

/**
 * The throttles in front of every sign-in.
 */
export * as SignInThrottle from "./SignInThrottle"

/**
 * Signing out everywhere.
 */
export * as SignOutEverywhere from "./SignOutEverywhere"

/**
 * Time-based one-time codes.
 */
export * as Totp from "./Totp"
