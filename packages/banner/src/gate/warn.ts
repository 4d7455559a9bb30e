const warned: Record<string, 1> = {}

/** Logs a problem once per page (bad cookie, bad config, unknown purpose): never throws. */
export function warn(problem: string): void {
  if (!warned[problem]) {
    warned[problem] = 1
    console.warn('[torii] ' + problem)
  }
}
