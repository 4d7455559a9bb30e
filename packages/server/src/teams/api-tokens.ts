import { createHash, randomBytes } from 'node:crypto'
import type { ApiToken, CreatedApiToken, SiteRole } from '@torii/schema/admin-api'
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import type { Schema } from '../db/define-schema.ts'
import { tablesOf } from '../db/tables-of.ts'

/** Every secret starts so: recognisable in a leak scanner, and never mistaken for a session cookie. */
export const TOKEN_PREFIX = 'torii_'

/** `lastUsedAt` is written at most this often per token: automation may call many times a second. */
const LAST_USED_RESOLUTION_MS = 60_000

function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** The columns a token is listed with (never its hash). */
const listed = ({ apiTokens }: Schema) => ({
  id: apiTokens.id,
  name: apiTokens.name,
  siteId: apiTokens.siteId,
  role: apiTokens.role,
  createdAt: apiTokens.createdAt,
  createdBy: apiTokens.createdBy,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
})

/** Creates a token; its secret is returned this once and stored only as its hash. */
export async function createApiToken(
  db: Db,
  input: { siteId: string; name: string; role: SiteRole; createdBy: string }
): Promise<CreatedApiToken> {
  const { apiTokens } = tablesOf(db)
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  const token: ApiToken = {
    id: randomBytes(8).toString('hex'),
    ...input,
    createdAt: new Date().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  }
  await db.insert(apiTokens).values({ ...token, tokenHash: secretHash(secret) })
  return { token, secret }
}

export async function listApiTokens(db: Db, siteId: string): Promise<ApiToken[]> {
  const { apiTokens } = tablesOf(db)
  return db
    .select(listed(tablesOf(db)))
    .from(apiTokens)
    .where(eq(apiTokens.siteId, siteId))
    .orderBy(desc(apiTokens.createdAt))
}

/** The live (not revoked) token of a secret, or null; notes when it was used. */
export async function useApiToken(db: Db, secret: string): Promise<ApiToken | null> {
  const { apiTokens } = tablesOf(db)
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 100) return null
  const [token] = await db
    .select(listed(tablesOf(db)))
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, secretHash(secret)), isNull(apiTokens.revokedAt)))
    .limit(1)
  if (!token) return null
  const now = new Date()
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString()
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now.toISOString() })
    .where(and(eq(apiTokens.id, token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale))))
  return token
}

/** Revokes a site's token; false when the site has no such live token. */
export async function revokeApiToken(db: Db, siteId: string, id: string): Promise<boolean> {
  const { apiTokens } = tablesOf(db)
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.siteId, siteId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id })
  return rows.length > 0
}
