// On Node a sealed value is opened with Node's own ciphers (no WebCrypto job
// per unwrap and decrypt); what it opens, and what it refuses, must be what
// WebCrypto's unwrap and decrypt give: checked here against WebCrypto itself.
import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import * as Envelope from "../src/internal/Envelope"

const subtle = globalThis.crypto.subtle
const kekOf = (byte: number) => Envelope.importKek(new Uint8Array(32).fill(byte))

// WebCrypto's own open, as `Envelope.open` does it where Node's ciphers are missing.
const openWithWebCrypto = async (kek: CryptoKey, envelope: Envelope.Envelope, aad: string) => {
  const dek = await subtle.unwrapKey("raw", envelope.wrappedDek, kek, "AES-KW", "AES-GCM", false, ["decrypt"])
  return subtle.decrypt(
    { name: "AES-GCM", iv: envelope.iv, additionalData: new TextEncoder().encode(`bashke.vault.v1\u0000${aad}`) },
    dek,
    envelope.ciphertext,
  )
}

const refused = (opened: Promise<unknown>) =>
  opened.then(
    () => false,
    () => true,
  )

describe("Envelope.open on Node", () => {
  it("opens what WebCrypto opens, and refuses another key, another aad, a changed byte", async () => {
    const kek = await kekOf(0x31)
    const other = await kekOf(0x32)
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.string({ maxLength: 40 }), fc.nat(), async (text, aad, at) => {
        const sealed = await Envelope.seal("k1", kek, text, aad)
        const envelope = Envelope.parse(sealed) as Envelope.Envelope
        const opened = new TextDecoder().decode(await Envelope.open(kek, envelope, aad))
        expect(opened).toBe(text)
        expect(new TextDecoder().decode(await openWithWebCrypto(kek, envelope, aad))).toBe(text)
        expect(await refused(Envelope.open(other, envelope, aad))).toBe(true)
        expect(await refused(Envelope.open(kek, envelope, `${aad}x`))).toBe(true)
        const ciphertext = envelope.ciphertext.slice()
        const c = at % ciphertext.length
        ciphertext[c] = (ciphertext[c] ?? 0) ^ 1
        expect(await refused(Envelope.open(kek, { ...envelope, ciphertext }, aad))).toBe(true)
        const wrappedDek = envelope.wrappedDek.slice()
        const w = at % wrappedDek.length
        wrappedDek[w] = (wrappedDek[w] ?? 0) ^ 1
        expect(await refused(Envelope.open(kek, { ...envelope, wrappedDek }, aad))).toBe(true)
      }),
    )
  })
})
