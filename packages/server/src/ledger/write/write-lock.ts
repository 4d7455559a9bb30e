/**
 * One writer at a time inside a process. The local libSQL driver is synchronous: if a second write began
 * while a transaction of the same process held the lock, it would block the thread in SQLite's busy
 * handler and the holder could never finish. Other processes are kept in order by SQLite's own lock.
 */
export interface WriteLock {
  run<T>(write: () => Promise<T>): Promise<T>
}

export function createWriteLock(): WriteLock {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run(write) {
      const result = tail.then(write, write)
      tail = result.catch(() => undefined)
      return result
    },
  }
}
