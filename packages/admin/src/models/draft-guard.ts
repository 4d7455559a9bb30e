/** What the app shell needs to know about the working draft, without loading the draft model (and zod). */
export interface DraftGuard {
  siteId(): string | null
  isDirty(): boolean
  discard(): void
}

let current: DraftGuard | null = null

/** Called by the site model when it is created. */
export function registerDraftGuard(guard: DraftGuard): void {
  current = guard
}

/** The working draft's guard, once a site page has loaded the draft model. */
export function draftGuard(): DraftGuard | null {
  return current
}
