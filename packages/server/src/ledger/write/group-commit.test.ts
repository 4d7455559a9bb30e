import { describe, expect, it } from 'vitest'
import { sampleEntry } from '../../testing/test-db.ts'
import { createGroupCommitter } from './group-commit.ts'
import { createWriteLock } from './write-lock.ts'
import type { RowJson, Writer } from './writer.ts'

/** A writer whose commits the test completes by hand, to watch what the committer hands over and when. */
function manualWriter(pipelined: boolean) {
  const groups: { rows: RowJson[]; commit(): void; fail(error: Error): void }[] = []
  const writer: Writer = {
    pipelined,
    write: async () => [],
    seal: async () => 0,
    sealLog: async () => 0,
    insertRows: (_sql, rows) =>
      new Promise<void>((resolve, reject) => {
        groups.push({ rows, commit: resolve, fail: reject })
      }),
    close: async () => {},
  }
  return { writer, groups }
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve))
}

describe('group commit', () => {
  it('splits a burst in two groups for a pipelined writer and answers each caller only after its commit', async () => {
    const { writer, groups } = manualWriter(true)
    const committer = createGroupCommitter({ writer, lock: createWriteLock(), now: () => new Date() })
    const answered: string[] = []
    const appends = Array.from({ length: 40 }, (_, i) =>
      committer.append(sampleEntry()).then((receipt) => answered.push(`${i}:${receipt.id}`))
    )
    await until(() => groups.length === 2)
    expect(groups.map((group) => group.rows.length)).toEqual([20, 20])
    expect(answered).toHaveLength(0)
    groups[1]!.commit()
    await until(() => answered.length === 20)
    expect(answered.every((line) => Number(line.split(':')[0]) >= 20)).toBe(true)
    // Never more than two groups in flight: a new append waits for a free slot.
    const late = committer.append(sampleEntry())
    await until(() => groups.length === 3)
    expect(groups[2]!.rows).toHaveLength(1)
    groups[0]!.commit()
    groups[2]!.commit()
    await Promise.all([...appends, late])
    await committer.drain()
    expect(committer.commits).toBe(3)
  })

  it('writes one group at a time through the lock for a writer on this thread, and rejects a failed group', async () => {
    const { writer, groups } = manualWriter(false)
    const committer = createGroupCommitter({ writer, lock: createWriteLock(), now: () => new Date() })
    const first = Array.from({ length: 40 }, () => committer.append(sampleEntry()))
    await until(() => groups.length === 1)
    expect(groups[0]!.rows).toHaveLength(40)
    const second = committer.append(sampleEntry())
    await new Promise((resolve) => setImmediate(resolve))
    expect(groups).toHaveLength(1)
    groups[0]!.fail(new Error('disk full'))
    await expect(Promise.all(first)).rejects.toThrow('disk full')
    await until(() => groups.length === 2)
    groups[1]!.commit()
    expect((await second).hash).toMatch(/^[0-9a-f]{64}$/)
  })
})
