import type { Client } from '@libsql/client'
import {
  type Checkpoint,
  consistencyProofRanges,
  encodeBase64,
  LogError,
  type NoteVerifierKey,
  verifyCheckpoint,
  verifyConsistency,
} from '@torii/schema/log'
import { leafHash } from '../seal/merkle.ts'
import { createRangeHasher } from './range-hasher.ts'

const PAGE = 4096

/** The checkpoint a monitor saved earlier (`--since FILE`): its signed note and a name for messages. */
export interface SavedCheckpoint {
  note: string
  name: string
}

export type SinceResult = { ok: true; since: Checkpoint; latest: Checkpoint } | { ok: false; problem: string }

/** The latest signed checkpoint the database holds (`torii log checkpoint`), or null before the first. */
export async function latestCheckpointNote(client: Client): Promise<string | null> {
  const row = (await client.execute('SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1')).rows[0]
  return (row?.note as string | undefined) ?? null
}

/**
 * Proves that the log in the database still contains a checkpoint saved earlier: both it and the log's
 * latest checkpoint must be signed by one of `keys` (given out of band), the log's entries must hash to the
 * latest checkpoint's root, and the consistency proof built from those entries, from the saved size to the
 * latest, must verify (`@torii/schema/log` `verifyConsistency`). So a log cut short, or rewritten and
 * re-signed even with the real key, fails against any checkpoint saved before.
 */
export async function verifyLogSince(
  client: Client,
  saved: SavedCheckpoint,
  keys: readonly NoteVerifierKey[]
): Promise<SinceResult> {
  try {
    const latestNote = await latestCheckpointNote(client)
    if (!latestNote)
      return { ok: false, problem: `the log has no checkpoint, but ${saved.name} is one of it` }
    const latest = await checked(latestNote, keys, "the log's latest checkpoint")
    const since = await checked(saved.note, keys, saved.name, latest.origin)
    if (since.treeSize > latest.treeSize) {
      return {
        ok: false,
        problem: `${saved.name} is a checkpoint of ${since.treeSize} entries, but the log's latest checkpoint has only ${latest.treeSize}: entries were cut off, or the log was replaced`,
      }
    }
    const proof = await proofFromEntries(client, since.treeSize, latest)
    if (typeof proof === 'string') return { ok: false, problem: proof }
    if (since.treeSize > 0) {
      await verifyConsistency(since.treeSize, latest.treeSize, proof, since.rootHash, latest.rootHash).catch(
        (error: unknown) => {
          if (!(error instanceof LogError)) throw error
          throw new LogError(
            error.code,
            `the log is not consistent with ${saved.name} (${since.treeSize} entries): its first ${since.treeSize} entries were changed (${error.message})`
          )
        }
      )
    }
    return { ok: true, since, latest }
  } catch (error) {
    if (error instanceof LogError) return { ok: false, problem: error.message }
    throw error
  }
}

async function checked(
  note: string,
  keys: readonly NoteVerifierKey[],
  name: string,
  origin?: string
): Promise<Checkpoint> {
  try {
    return (await verifyCheckpoint(note, keys, origin ? { origin } : {})).checkpoint
  } catch (error) {
    if (!(error instanceof LogError)) throw error
    throw new LogError(error.code, `${name}: ${error.message}`)
  }
}

/**
 * Reads the log's entries up to the latest checkpoint's size, checks they hash to its root, and returns the
 * consistency proof from `size1` built from them (a problem as a string).
 */
async function proofFromEntries(
  client: Client,
  size1: number,
  latest: Checkpoint
): Promise<Uint8Array[] | string> {
  const size2 = latest.treeSize
  const ranges = size1 > 0 && size1 < size2 ? consistencyProofRanges(size1, size2) : []
  const proof: (Uint8Array | undefined)[] = ranges.map(() => undefined)
  const whole = createRangeHasher()
  const open = new Map<number, ReturnType<typeof createRangeHasher>>()
  for (let from = 0; from < size2; ) {
    const rows = (
      await client.execute({
        sql: 'SELECT idx, entry FROM log_entries WHERE idx >= ? AND idx < ? ORDER BY idx LIMIT ?',
        args: [from, size2, PAGE],
      })
    ).rows
    if (!rows.length) break
    for (const row of rows) {
      const index = Number(row.idx)
      if (index !== whole.count) return `log entry ${whole.count} is missing (the next one is ${index})`
      const leaf = leafHash(Buffer.from(row.entry as string, 'hex'))
      whole.push(leaf)
      ranges.forEach(([start, end], i) => {
        if (index < start || index >= end) return
        const hasher = open.get(i) ?? createRangeHasher()
        open.set(i, hasher)
        hasher.push(leaf)
        if (index === end - 1) {
          proof[i] = hasher.root()
          open.delete(i)
        }
      })
    }
    from = whole.count
  }
  if (whole.count < size2) {
    return `the log holds ${whole.count} entries, but its latest checkpoint says ${size2}: entries were cut off`
  }
  if (!whole.root().equals(latest.rootHash)) {
    return `the log's ${size2} entries hash to ${encodeBase64(whole.root())}, not to the root of its latest checkpoint: an entry was changed`
  }
  return proof as Uint8Array[]
}
