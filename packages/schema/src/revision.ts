import type { SiteConfig } from './site-config.ts'

/** An immutable published config, numbered per site from 1. */
export interface Revision {
  siteId: string
  number: number
  /** SHA-256 (hex) of the canonical JSON of `config`. */
  hash: string
  publishedAt: string
  config: SiteConfig
}

export type RevisionSummary = Omit<Revision, 'config'> & {
  publishedBy: string | null
  /** Why it was published, as the admin wrote it (`Rollback to revision N` for a rollback); null when none. */
  note?: string | null
}
