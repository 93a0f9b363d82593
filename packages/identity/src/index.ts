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
 * Changing a person's roles.
 *
 * @since 0.1.0
 */
export * as ChangeRoles from "./ChangeRoles"

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
 * Invitations: the person to be and their grants.
 *
 * @since 0.1.0
 */
export * as Invitation from "./Invitation"
/**
 * Inviting people, and accepting an invitation (enrolment at the first sign-in).
 *
 * @since 0.1.0
 */
export * as Invitations from "./Invitations"
/**
 * Listing the people of a mechanism.
 *
 * @since 0.1.0
 */
export * as ListPeople from "./ListPeople"
/**
 * The port asking whether an institution is a member of a mechanism.
 *
 * @since 0.1.0
 */
export * as MemberInstitutions from "./MemberInstitutions"
/**
 * The caller's own sessions.
 *
 * @since 0.1.0
 */
export * as MySessions from "./MySessions"
/**
 * Passkeys (WebAuthn): the ceremonies' JSON, the relying party, the counter rule.
 *
 * @since 0.1.0
 */
export * as Passkey from "./Passkey"

/**
 * Enrolling a passkey.
 *
 * @since 0.1.0
 */
export * as PasskeyEnrolment from "./PasskeyEnrolment"
/**
 * Signing in with a passkey.
 *
 * @since 0.1.0
 */
export * as PasskeySignIn from "./PasskeySignIn"
/**
 * The passkeys' store and their one-time challenges.
 *
 * @since 0.1.0
 */
export * as Passkeys from "./Passkeys"

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
 *
 * @since 0.1.0
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
 *
 * @since 0.1.0
 */
export * as SignOutEverywhere from "./SignOutEverywhere"

/**
 * Time-based one-time codes.
 *
 * @since 0.1.0
 */
export * as Totp from "./Totp"
