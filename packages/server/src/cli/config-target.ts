import { userInfo } from 'node:os'
import { type ApiError, CONFIG_PUSH_HEADER, type SiteConfig, siteConfigSchema } from '@torii/schema'
import { recordAudit } from '../audit/audit-log.ts'
import type { Database } from '../db/client.ts'
import { getDraft, saveDraft } from '../sites/drafts.ts'
import { getLiveRevision, publishRevision, revisionHash } from '../sites/revisions.ts'
import { announceSiteChange } from '../sites/site-changes.ts'
import { updateSite } from '../sites/sites.ts'
import { openDatabase } from './open-db.ts'
import { UsageError } from './usage.ts'

/** Where `torii config` reads and writes one site's draft: the database, or a running server's admin API. */
export interface ConfigTarget {
  /** The site's draft as stored (the server validated it when saved). */
  pull(): Promise<unknown>
  push(config: SiteConfig, changes: number): Promise<void>
  /** Publishes the draft; the new revision's number, or null when it is already live. */
  publish(note: string | null): Promise<number | null>
  close(): Promise<void>
}

/** Acts on the database directly, as `cli:<OS user>` in drafts, revisions and the audit log. */
export async function createDbTarget(dbUrl: string | undefined, siteId: string): Promise<ConfigTarget> {
  const database: Database = await openDatabase(dbUrl, true)
  const actor = `cli:${userInfo().username}`
  const { db } = database
  return {
    async pull() {
      const draft = await getDraft(db, siteId)
      if (!draft) throw new Error(`no site "${siteId}"`)
      return draft.config
    },
    async push(config, changes) {
      await saveDraft(db, siteId, config, actor)
      await updateSite(db, siteId, { languages: config.languages })
      await recordAudit(db, { actor, action: 'config.push', siteId, detail: { changes } })
    },
    async publish(note) {
      const draft = await getDraft(db, siteId)
      const config = siteConfigSchema.parse(draft?.config)
      const live = await getLiveRevision(db, siteId)
      if (live && live.hash === revisionHash(config)) return null
      const revision = await publishRevision(db, siteId, config, actor, note)
      await recordAudit(db, { actor, action: 'publish', siteId, detail: { revision: revision.number, note } })
      // Servers on PostgreSQL serve it at once; on libSQL within their live cache's TTL (seconds).
      await announceSiteChange(db, siteId)
      return revision.number
    },
    close: () => database.close(),
  }
}

/** Acts through a running server's admin API with an API token (`TORII_API_TOKEN`): its role decides. */
export function createUrlTarget(url: string, siteId: string, token: string | undefined): ConfigTarget {
  if (!token)
    throw new UsageError('--url needs an API token in TORII_API_TOKEN (an editor token of the site)')
  let base: URL
  try {
    base = new URL(`api/admin/sites/${encodeURIComponent(siteId)}/`, url.endsWith('/') ? url : `${url}/`)
  } catch {
    throw new UsageError(`--url ${JSON.stringify(url)} is not a URL`)
  }
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(new URL(path, base), {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const answer = res.status === 204 ? null : await res.json().catch(() => null)
    return { status: res.status, answer }
  }
  function failure(what: string, status: number, answer: unknown): Error {
    const error = (answer as ApiError | null)?.error
    return new Error(`${what}: ${status} ${error ? `${error.code}: ${error.message}` : 'no JSON answer'}`)
  }
  return {
    async pull() {
      const { status, answer } = await call('GET', 'draft')
      if (status !== 200) throw failure('reading the draft', status, answer)
      return (answer as { draft: unknown }).draft
    },
    async push(config) {
      const { status, answer } = await call('PUT', 'draft', config, { [CONFIG_PUSH_HEADER]: '1' })
      if (status !== 200) throw failure('saving the draft', status, answer)
    },
    async publish(note) {
      const { status, answer } = await call('POST', 'publish', note ? { note } : {})
      if (status === 409) return null
      if (status !== 201) throw failure('publishing', status, answer)
      return (answer as { revision: { number: number } }).revision.number
    },
    async close() {},
  }
}
