// Crockford's base32 leaves out I, L, O and U so ids survive being read aloud or retyped.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/** The largest time a ULID can hold: 48 bits of milliseconds (year 10889). */
export const maxTime = 2 ** 48 - 1

/** How many random bytes follow the time: 80 bits. */
export const randomLength = 10

/** The first character carries only 3 of the 48 time bits, hence `[0-7]`. */
export const pattern = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/

const encodeTime = (time: number): string => {
  let out = ""
  let rest = time
  for (let i = 0; i < 10; i++) {
    out = alphabet[rest % 32] + out
    rest = Math.floor(rest / 32)
  }
  return out
}

// 40 bits fit exactly in a double, so each half of the random part is encoded without BigInt.
const encodeForty = (bytes: Uint8Array, offset: number): string => {
  let value =
    bytes[offset]! * 2 ** 32 +
    bytes[offset + 1]! * 2 ** 24 +
    bytes[offset + 2]! * 2 ** 16 +
    bytes[offset + 3]! * 2 ** 8 +
    bytes[offset + 4]!
  let out = ""
  for (let i = 0; i < 8; i++) {
    out = alphabet[value % 32] + out
    value = Math.floor(value / 32)
  }
  return out
}

export const encode = (time: number, random: Uint8Array): string => {
  if (!Number.isInteger(time) || time < 0 || time > maxTime) {
    throw new RangeError(`ULID time must be an integer in [0, 2^48 - 1], got ${time}`)
  }
  if (random.length !== randomLength) {
    throw new RangeError(`ULID randomness must be ${randomLength} bytes, got ${random.length}`)
  }
  return encodeTime(time) + encodeForty(random, 0) + encodeForty(random, 5)
}

export const decodeTime = (id: string): number => {
  let time = 0
  for (let i = 0; i < 10; i++) {
    time = time * 32 + alphabet.indexOf(id[i]!)
  }
  return time
}

/** How many random bytes make the step between two ids of one millisecond. */
const stepLength = 6

/**
 * Adds `step` (big-endian, shorter) to the big-endian number in `bytes`, in
 * place; false when the sum does not fit.
 */
const add = (bytes: Uint8Array, step: Uint8Array, stepBytes: number = step.length): boolean => {
  let carry = 0
  for (let i = 0; i < bytes.length; i++) {
    const at = bytes.length - 1 - i
    const sum = bytes[at]! + (i < stepBytes ? step[stepBytes - 1 - i]! : 0) + carry
    bytes[at] = sum & 0xff
    carry = sum >> 8
  }
  return carry === 0
}

export interface Monotonic {
  readonly next: (now: number) => string
}

/**
 * Within one millisecond (or when the clock steps back) the previous random
 * part grows by a random step of 47 bits, at least 2^47, rather than by one:
 * ids stay strictly increasing (events and pages keep their order) but one id
 * says nothing usable about the next (a case id plus one was its victim's
 * person id). The first random part of a millisecond has its top bit clear,
 * so at least 2^31 ids fit in one millisecond; past that, the id borrows the
 * next millisecond rather than break the order.
 */
export const monotonic = (random: () => Uint8Array): Monotonic => {
  let lastTime = -1
  let lastRandom: Uint8Array = new Uint8Array(randomLength)
  const fresh = () => {
    const bytes = random()
    bytes[0] = bytes[0]! & 0x7f
    return bytes
  }
  // The first `stepLength` bytes of a draw, used in place: `subarray` costs more than the rest of an id.
  const step = () => {
    const bytes = random()
    bytes[0] = bytes[0]! | 0x80
    return bytes
  }
  return {
    next: (now) => {
      if (now > lastTime) {
        lastTime = now
        lastRandom = fresh()
      } else if (!add(lastRandom, step(), stepLength)) {
        lastTime += 1
        lastRandom = fresh()
      }
      return encode(lastTime, lastRandom)
    },
  }
}

/**
 * A small deterministic generator (splitmix32) for test layers: reproducible ids
 * from a seed, never used for real ids.
 */
export const seededBytes = (seed: number): (() => Uint8Array) => {
  let state = seed >>> 0
  const nextWord = (): number => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  return () => {
    const bytes = new Uint8Array(randomLength)
    for (let i = 0; i < randomLength; i++) bytes[i] = nextWord() & 0xff
    return bytes
  }
}
