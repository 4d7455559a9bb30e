const warned: Record<string, 1> = {}

/** Logs a problem once per page (bad cookie, bad config, unknown purpose, a caught error): never throws. */
export function warn(problem: unknown): void {
  // An error is named by its text ("TypeError: ..."), like a string.
  if (!warned[problem as string]) {
    warned[problem as string] = 1
    console.warn('[torii] ' + problem)
  }
}

type Fn = (...args: never[]) => unknown

/** Wraps an entry point so nothing it does can throw into the host page (what it returns is dropped). */
export const safe =
  <F extends Fn>(fn: F) =>
  (...args: Parameters<F>): void => {
    try {
      fn(...args)
    } catch (e) {
      warn(e)
    }
  }
