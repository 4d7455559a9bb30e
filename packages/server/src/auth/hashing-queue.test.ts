import { describe, expect, it } from 'vitest'
import { createHashingQueue, HashingBusyError } from './hashing-queue.ts'
import { hashPassword, verifyPassword } from './password.ts'

describe('createHashingQueue', () => {
  it('runs at most `concurrency` hashes, queues `maxWaiting` more and refuses the rest', async () => {
    const queue = createHashingQueue({ concurrency: 2, maxWaiting: 3 })
    let running = 0
    let peak = 0
    const releases: (() => void)[] = []
    const task = () =>
      new Promise<void>((resolve) => {
        running += 1
        peak = Math.max(peak, running)
        releases.push(() => {
          running -= 1
          resolve()
        })
      })
    let settled = 0
    const results = Array.from({ length: 8 }, () =>
      queue
        .run(task)
        .then(
          () => 'done',
          (error: unknown) => (error instanceof HashingBusyError ? 'busy' : 'error')
        )
        .finally(() => {
          settled += 1
        })
    )
    expect(queue.active).toBe(2)
    expect(queue.waiting).toBe(3)
    // Finish the running hashes, a turn at a time, until every call has its answer.
    while (settled < results.length) {
      for (const release of releases.splice(0)) release()
      await new Promise((resolve) => setImmediate(resolve))
    }
    const outcomes = await Promise.all(results)
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(5)
    expect(outcomes.filter((o) => o === 'busy')).toHaveLength(3)
    expect(peak).toBe(2)
  })

  it('is what hashPassword and verifyPassword wait in', async () => {
    const queue = createHashingQueue({ concurrency: 1, maxWaiting: 0 })
    const stored = await hashPassword('a-long-password', { queue })
    const first = verifyPassword('a-long-password', stored, queue)
    await expect(verifyPassword('a-long-password', stored, queue)).rejects.toBeInstanceOf(HashingBusyError)
    expect(await first).toBe(true)
    expect(await verifyPassword('wrong-password', stored, queue)).toBe(false)
  })
})
