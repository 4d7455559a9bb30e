import type { Role, SiteRole } from '@torii/schema/admin-api'

/** Who is calling the admin API: a signed-in user, or an API token acting on its one site. */
export type Actor =
  | { kind: 'user'; email: string; role: Role }
  | { kind: 'token'; tokenId: string; siteId: string; role: SiteRole }

/** The actor as drafts, revisions and the audit log name it: the user's email, or `token:ID`. */
export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : `token:${actor.tokenId}`
}
