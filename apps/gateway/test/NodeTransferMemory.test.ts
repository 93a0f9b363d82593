// The pacing rule of the Node gateway's TransferMemory (ADR 0026), over
// readings given in turn: a collection only when the buffers stand more than
// the slack above the lowest reading since the last one, read once per
// `checkEvery` bytes passed. The real collector and readings are measured in
// DocumentMemory.test.ts.
import { describe, expect, it } from "@effect/vitest"
import * as NodeTransferMemory from "../src/NodeTransferMemory"

const MiB = 1024 * 1024
const settings: NodeTransferMemory.Settings = { slack: 4 * MiB, checkEvery: MiB }

/** A pacer over `readings` (the first taken when it is made); the readings taken and the collections counted. */
const over = (readings: ReadonlyArray<number>) => {
  let at = 0
  const counted = { reads: 0, collections: 0 }
  const pacer = NodeTransferMemory.pacer(
    settings,
    () => {
      counted.reads += 1
      return readings[Math.min(at++, readings.length - 1)] as number
    },
    () => {
      counted.collections += 1
    },
  )
  return { pacer, counted }
}

describe("NodeTransferMemory.pacer", () => {
  it("reads the buffers once per checkEvery bytes passed, never per piece", () => {
    const { pacer, counted } = over([0])
    for (let i = 0; i < 64; i++) pacer.passed(64 * 1024)
    // One reading when made, then one per MiB: 4 MiB passed.
    expect(counted.reads).toBe(1 + 4)
    expect(counted.collections).toBe(0)
  })

  it("collects when the buffers stand more than the slack above the lowest reading, not before", () => {
    const { pacer, counted } = over([10 * MiB, 12 * MiB, 14 * MiB, 14.5 * MiB, 30 * MiB, 31 * MiB])
    pacer.passed(MiB) // 12: 2 above
    pacer.passed(MiB) // 14: 4 above, not more
    expect(counted.collections).toBe(0)
    pacer.passed(MiB) // 14.5: more than 4 above → collected; the floor is then 30 (the sweep not done)
    expect(counted.collections).toBe(1)
    pacer.passed(MiB) // 31: 1 above the floor
    expect(counted.collections).toBe(1)
  })

  it("lowers its floor as the sweep ends, so the next collection comes a slack after what is live", () => {
    const { pacer, counted } = over([2 * MiB, 9 * MiB, 9 * MiB, 3 * MiB, 6 * MiB, 7.5 * MiB])
    pacer.passed(MiB) // 9: collected, floor 9
    pacer.passed(MiB) // 3: the sweep ended, floor 3
    pacer.passed(MiB) // 6: 3 above
    expect(counted.collections).toBe(1)
    pacer.passed(MiB) // 7.5: 4.5 above → collected
    expect(counted.collections).toBe(2)
  })
})
