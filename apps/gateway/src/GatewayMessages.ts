/**
 * The gateway's part of the message catalogue (problem titles and rules of its
 * own), and the whole catalogue it answers from: every package's messages merged.
 * Serbian Cyrillic is derived from Serbian Latin by the kernel.
 */
import { actionPlanMessages } from "@bashke/action-plan"
import { caseMessages, caseStoreMessages, caseworkMessages, documentMessages, erasureMessages } from "@bashke/case"
import { identityMessages } from "@bashke/identity"
import { Catalogue, kernelMessages } from "@bashke/kernel"
import { mechanismMessages } from "@bashke/mechanism"
import { meetingMessages } from "@bashke/meeting"
import { referralMessages } from "@bashke/referral"
import { securityMessages } from "@bashke/security"

export const gatewayMessages = Catalogue.make({
  "gateway.problem.forbidden-origin.title": {
    sq: "Kërkesa nuk vjen nga kjo faqe",
    "sr-Latn": "Zahtev ne dolazi sa ove stranice",
    en: "Request not from this site",
  },
  "gateway.csrf.origin": {
    sq: "Kërkesat e shfletuesit me seancë pranohen vetëm nga faqja e vetë Bashkë-s.",
    "sr-Latn": "Zahtevi pregledača sa sesijom primaju se samo sa same stranice Bashkë.",
    en: "Browser requests with a session are accepted only from Bashkë's own site.",
  },
  "gateway.csrf.header": {
    sq: "Kërkesave të shfletuesit me seancë u mungon kreu X-Bashke-Request.",
    "sr-Latn": "Zahtevima pregledača sa sesijom nedostaje zaglavlje X-Bashke-Request.",
    en: "Browser requests with a session need the X-Bashke-Request header.",
  },
  "gateway.principal.deactivated": {
    sq: "Kjo llogari është çaktivizuar.",
    "sr-Latn": "Ovaj nalog je deaktiviran.",
    en: "This account has been deactivated.",
  },
  "gateway.session.unknown": {
    sq: "Seanca ka përfunduar. Hyni përsëri.",
    "sr-Latn": "Sesija je završena. Prijavite se ponovo.",
    en: "The session has ended. Sign in again.",
  },
  "gateway.problem.malformed-json.title": {
    sq: "JSON i pavlefshëm",
    "sr-Latn": "Neispravan JSON",
    en: "Malformed JSON",
  },
  "gateway.problem.unsupported-media-type.title": {
    sq: "Lloj i pambështetur i përmbajtjes",
    "sr-Latn": "Nepodržana vrsta sadržaja",
    en: "Unsupported content type",
  },
  "gateway.problem.payload-too-large.title": {
    sq: "Kërkesa është shumë e madhe",
    "sr-Latn": "Zahtev je prevelik",
    en: "Request too large",
  },
  "gateway.problem.precondition-required.title": {
    sq: "Kërkohet versioni (If-Match)",
    "sr-Latn": "Potrebna je verzija (If-Match)",
    en: "Version required (If-Match)",
  },
  "gateway.problem.idempotency-key-required.title": {
    sq: "Kërkohet çelësi i idempotencës",
    "sr-Latn": "Potreban je ključ idempotentnosti",
    en: "Idempotency key required",
  },
  "gateway.problem.idempotency-key-reused.title": {
    sq: "Çelësi i idempotencës u përdor për një kërkesë tjetër",
    "sr-Latn": "Ključ idempotentnosti je korišćen za drugi zahtev",
    en: "Idempotency key used for another request",
  },
  "gateway.problem.rate-limited.title": {
    sq: "Shumë kërkesa",
    "sr-Latn": "Previše zahteva",
    en: "Too many requests",
  },
  "gateway.problem.route-not-found.title": {
    sq: "Adresa nuk ekziston",
    "sr-Latn": "Adresa ne postoji",
    en: "No such address",
  },
  "gateway.problem.method-not-allowed.title": {
    sq: "Metoda nuk lejohet",
    "sr-Latn": "Metoda nije dozvoljena",
    en: "Method not allowed",
  },
  "gateway.problem.unavailable.title": {
    sq: "Shërbimi nuk është i disponueshëm",
    "sr-Latn": "Usluga nije dostupna",
    en: "Service unavailable",
  },
  "gateway.problem.internal.title": {
    sq: "Gabim i brendshëm",
    "sr-Latn": "Interna greška",
    en: "Internal error",
  },

  "gateway.json.malformed": {
    sq: "Trupi i kërkesës nuk është JSON i vlefshëm.",
    "sr-Latn": "Telo zahteva nije ispravan JSON.",
    en: "The request body is not valid JSON.",
  },
  "gateway.content-type.json-required": {
    sq: "Dërgojeni trupin si application/json.",
    "sr-Latn": "Pošaljite telo kao application/json.",
    en: "Send the body as application/json.",
  },
  "gateway.body.too-large": {
    sq: "Trupi i kërkesës e kalon kufirin e lejuar.",
    "sr-Latn": "Telo zahteva prelazi dozvoljenu granicu.",
    en: "The request body exceeds the allowed size.",
  },
  "gateway.if-match.required": {
    sq: "Dërgoni If-Match me ETag-un që lexuat, që të mos mbishkruani ndryshimin e dikujt tjetër.",
    "sr-Latn": "Pošaljite If-Match sa ETag-om koji ste pročitali, da ne biste prepisali tuđu izmenu.",
    en: "Send If-Match with the ETag you read, so you do not overwrite someone else's change.",
  },
  "gateway.if-match.malformed": {
    sq: 'If-Match duhet të jetë një ETag i vetëm si "3".',
    "sr-Latn": 'If-Match mora biti jedan ETag kao "3".',
    en: 'If-Match must be a single ETag such as "3".',
  },
  "gateway.idempotency-key.required": {
    sq: "Dërgoni një Idempotency-Key të ri (1–255 shenja) me çdo POST, që një përsëritje të mos dyfishojë asgjë.",
    "sr-Latn": "Pošaljite novi Idempotency-Key (1–255 znakova) uz svaki POST, da ponavljanje ništa ne udvostruči.",
    en: "Send a fresh Idempotency-Key (1–255 characters) with every POST, so a retry duplicates nothing.",
  },
  "gateway.idempotency-key.reused": {
    sq: "Ky Idempotency-Key u përdor tashmë për një kërkesë tjetër.",
    "sr-Latn": "Ovaj Idempotency-Key je već korišćen za drugi zahtev.",
    en: "This Idempotency-Key was already used for a different request.",
  },
  "gateway.rate.exceeded": {
    sq: "Keni dërguar shumë kërkesa. Provoni përsëri pas pak.",
    "sr-Latn": "Poslali ste previše zahteva. Pokušajte ponovo uskoro.",
    en: "You sent too many requests. Try again shortly.",
  },
  "gateway.route.unknown": {
    sq: "Nuk ka asgjë në këtë adresë.",
    "sr-Latn": "Na ovoj adresi nema ničega.",
    en: "There is nothing at this address.",
  },
  "gateway.method.unknown": {
    sq: "Kjo adresë nuk e pranon këtë metodë.",
    "sr-Latn": "Ova adresa ne prihvata ovu metodu.",
    en: "This address does not accept this method.",
  },
  "gateway.input.unknown-field": {
    sq: "Kjo fushë nuk njihet.",
    "sr-Latn": "Ovo polje nije poznato.",
    en: "This field is not known.",
  },
  "gateway.input.invalid": {
    sq: "Kjo vlerë nuk është e vlefshme këtu.",
    "sr-Latn": "Ova vrednost ovde nije ispravna.",
    en: "This value is not valid here.",
  },
  "gateway.store.read-only": {
    sq: "Kjo instalim nuk pranon ndryshime tani.",
    "sr-Latn": "Ova instalacija trenutno ne prihvata izmene.",
    en: "This installation does not accept changes right now.",
  },
  "gateway.internal": {
    sq: "Diçka shkoi keq. Kërkesa nuk ndryshoi asgjë; provoni përsëri.",
    "sr-Latn": "Nešto nije u redu. Zahtev ništa nije promenio; pokušajte ponovo.",
    en: "Something went wrong. The request changed nothing; try again.",
  },
  "gateway.api-token.label": {
    sq: "Emri i tokenit: shkronja të vogla, shifra dhe viza (jo emri i një personi).",
    "sr-Latn": "Naziv tokena: mala slova, cifre i crtice (ne ime osobe).",
    en: "The token's label: lower-case letters, digits and dashes (never a person's name).",
  },
  "gateway.api-token.lifetime": {
    sq: "Tokeni nuk mund të jetojë kaq gjatë në këtë instalim.",
    "sr-Latn": "Token ne može toliko dugo da traje na ovoj instalaciji.",
    en: "A token may not live that long on this installation.",
  },
  "gateway.token.missing": {
    sq: "Dërgoni Authorization: Bearer me një token ose JWT.",
    "sr-Latn": "Pošaljite Authorization: Bearer sa tokenom ili JWT-om.",
    en: "Send Authorization: Bearer with a token or a JWT.",
  },
  "gateway.token.unknown": {
    sq: "Ky token nuk njihet ose është revokuar.",
    "sr-Latn": "Ovaj token nije poznat ili je opozvan.",
    en: "This token is unknown or revoked.",
  },
  "gateway.jwt.invalid": {
    sq: "JWT nuk u verifikua.",
    "sr-Latn": "JWT nije verifikovan.",
    en: "The JWT could not be verified.",
  },
  "gateway.jwt.lifetime": {
    sq: "JWT duhet të ketë kohë skadimi dhe të mos zgjasë më shumë se sa lejon kjo instalim.",
    "sr-Latn": "JWT mora imati vreme isteka i ne sme trajati duže nego što ova instalacija dozvoljava.",
    en: "The JWT must have an expiry and last no longer than this installation allows.",
  },
  "gateway.jwt.claims": {
    sq: "JWT nuk ka pretendimet që kërkon Bashkë (rolet, institucioni, mekanizmat).",
    "sr-Latn": "JWT nema tvrdnje koje Bashkë zahteva (uloge, institucija, mehanizmi).",
    en: "The JWT lacks the claims Bashkë needs (roles, institution, mechanisms).",
  },
  "gateway.auth.throttled": {
    sq: "Shumë përpjekje të dështuara për t'u identifikuar nga kjo adresë. Provoni përsëri më vonë.",
    "sr-Latn": "Previše neuspelih pokušaja prijave sa ove adrese. Pokušajte ponovo kasnije.",
    en: "Too many failed authentications from this address. Try again later.",
  },
  "gateway.problem.headers-too-large.title": {
    sq: "Adresa ose kokat e kërkesës janë shumë të gjata",
    "sr-Latn": "Adresa ili zaglavlja zahteva su predugački",
    en: "Request URL or headers too large",
  },
  "gateway.problem.request-timeout.title": {
    sq: "Kërkesa nuk mbërriti me kohë",
    "sr-Latn": "Zahtev nije stigao na vreme",
    en: "Request timeout",
  },
  "gateway.problem.malformed-request.title": {
    sq: "Kërkesë HTTP e pavlefshme",
    "sr-Latn": "Neispravan HTTP zahtev",
    en: "Malformed HTTP request",
  },
  "gateway.headers.too-large": {
    sq: "Adresa dhe kokat e kërkesës së bashku kalojnë kufirin. Shkurtoni adresën.",
    "sr-Latn": "Adresa i zaglavlja zahteva zajedno prelaze ograničenje. Skratite adresu.",
    en: "The request's URL and headers together exceed the limit. Shorten the URL.",
  },
  "gateway.request.timeout": {
    sq: "Kokat ose trupi i kërkesës nuk mbërritën të plota me kohë; lidhja u mbyll.",
    "sr-Latn": "Zaglavlja ili telo zahteva nisu stigli cela na vreme; veza je zatvorena.",
    en: "The request's headers or body did not arrive in time; the connection was closed.",
  },
  "gateway.request.malformed": {
    sq: "Kërkesa nuk është HTTP e vlefshme.",
    "sr-Latn": "Zahtev nije ispravan HTTP.",
    en: "The request is not valid HTTP.",
  },
  "gateway.starting": {
    sq: "Shërbimi po niset. Provoni përsëri pas pak.",
    "sr-Latn": "Servis se pokreće. Pokušajte ponovo uskoro.",
    en: "The service is starting. Try again shortly.",
  },
  "gateway.oidc.issuer": {
    sq: "Përgjigja erdhi nga një ofrues tjetër identiteti. Filloni hyrjen përsëri.",
    "sr-Latn": "Odgovor je stigao od drugog dobavljača identiteta. Počnite prijavu ponovo.",
    en: "The answer came from another identity provider. Start signing in again.",
  },
  "gateway.oidc.provider-refused": {
    sq: "Ofruesi i identitetit nuk ju lejoi të hyni.",
    "sr-Latn": "Dobavljač identiteta vam nije dozvolio prijavu.",
    en: "The identity provider did not let you sign in.",
  },
  "gateway.oidc.code-refused": {
    sq: "Ofruesi i identitetit nuk e pranoi kodin e hyrjes (është përdorur ose nuk i përket kësaj hyrjeje). Filloni përsëri.",
    "sr-Latn":
      "Dobavljač identiteta nije prihvatio kod prijave (već je iskorišćen ili ne pripada ovoj prijavi). Počnite ponovo.",
    en: "The identity provider did not accept the sign-in code (used already, or not this sign-in's). Start again.",
  },
  "gateway.oidc.id-token": {
    sq: "Dëshmia e identitetit nga ofruesi nuk u verifikua.",
    "sr-Latn": "Dokaz identiteta od dobavljača nije verifikovan.",
    en: "The identity provider's ID token could not be verified.",
  },
  "gateway.oidc.nonce": {
    sq: "Dëshmia e identitetit i përket një hyrjeje tjetër. Filloni përsëri.",
    "sr-Latn": "Dokaz identiteta pripada drugoj prijavi. Počnite ponovo.",
    en: "The ID token belongs to another sign-in. Start again.",
  },
  "gateway.jwt.not-configured": {
    sq: "Kjo instalim nuk pranon JWT.",
    "sr-Latn": "Ova instalacija ne prihvata JWT.",
    en: "This installation does not accept JWTs.",
  },
  "gateway.directory.organization-registered": {
    sq: "Ky institucion është tashmë në regjistrin e shërbimeve.",
    "sr-Latn": "Ova institucija je već u imeniku usluga.",
    en: "This institution is already in the service directory.",
  },
  "gateway.directory.organization-unknown": {
    sq: "Regjistroni së pari institucionin në regjistrin e shërbimeve.",
    "sr-Latn": "Najpre upišite instituciju u imenik usluga.",
    en: "Register the institution in the service directory first.",
  },
  "gateway.directory.location-unknown": {
    sq: "Ky vend nuk është në regjistrin e shërbimeve ose i përket një institucioni tjetër.",
    "sr-Latn": "Ova lokacija nije u imeniku usluga ili pripada drugoj instituciji.",
    en: "This location is not in the service directory or belongs to another institution.",
  },
})

export type GatewayMessageKey = Catalogue.Key<typeof gatewayMessages>

/** Every message the gateway can answer with. */
export const messages = Catalogue.merge(
  kernelMessages,
  securityMessages,
  mechanismMessages,
  meetingMessages,
  caseMessages,
  caseStoreMessages,
  caseworkMessages,
  documentMessages,
  erasureMessages,
  referralMessages,
  actionPlanMessages,
  identityMessages,
  gatewayMessages,
)
