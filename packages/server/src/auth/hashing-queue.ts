import pLimit from 'p-limit'

export interface HashingQueueOptions {
  /** Hashes run at once. Each holds one of libuv's threads (4 by default, shared with file and DNS work). */
  concurrency?: number
  /** Hashes allowed to wait for a thread; past it a call fails at once with `HashingBusyError`. */
  maxWaiting?: number
}

/** A password hash to run in a queue (`createHashingQueue`). */
export interface HashingQueue {
  run<T>(task: () => Promise<T>): Promise<T>
  /** Hashes running now. */
  readonly active: number
  /** Hashes waiting for a place. */
  readonly waiting: number
}

/** The queue is full: the caller answers 503 with `Retry-After`. */
export class HashingBusyError extends Error {
  override name = 'HashingBusyError'
  readonly retryAfterSeconds = 1
  constructor() {
    super('Too many password checks at once; try again in a second')
  }
}

const DEFAULT_MAX_WAITING = 32

/** Half of libuv's pool, so a flood of logins leaves threads for the files and the DNS the server also needs. */
function defaultConcurrency(): number {
  const poolSize = Number(process.env.UV_THREADPOOL_SIZE) || 4
  return Math.max(1, Math.floor(poolSize / 2))
}

/** Caps concurrent scrypt calls (each ~100 ms and 32 MB), queueing a few and refusing the rest. */
export function createHashingQueue(options: HashingQueueOptions = {}): HashingQueue {
  const limit = pLimit(options.concurrency ?? defaultConcurrency())
  const maxWaiting = options.maxWaiting ?? DEFAULT_MAX_WAITING
  return {
    run(task) {
      const full = limit.activeCount >= limit.concurrency && limit.pendingCount >= maxWaiting
      if (full) return Promise.reject(new HashingBusyError())
      return limit(task)
    },
    get active() {
      return limit.activeCount
    },
    get waiting() {
      return limit.pendingCount
    },
  }
}

/** The process's one queue: libuv's pool is per process, so every hash (logins, user changes, the CLI) shares it. */
export const PROCESS_HASHING_QUEUE = createHashingQueue()
