// The demo site's GateConfig, made exactly as the server makes it, for the size budget and the bench.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const server = join(dirname(fileURLToPath(import.meta.url)), '../../server/src')

/**
 * `toGateConfig(DEMO revision)` as JSON, with the UI path from the built manifest, and the revision as
 * config.json serves it (its hash is the server's own `revisionHash`: SHA-256 of the canonical JSON).
 */
export async function demoGateConfig(uiPath) {
  const { module: schema } = await runnerImport('@torii/schema')
  const { module: demo } = await runnerImport('@torii/schema/demo-config')
  const { module: revisions } = await runnerImport(join(server, 'sites/revisions.ts'))
  const config = schema.siteConfigSchema.parse(demo.DEMO_SITE_CONFIG)
  const revision = {
    siteId: demo.DEMO_SITE_ID,
    number: 1,
    hash: revisions.revisionHash(config),
    publishedAt: new Date(0).toISOString(),
    config,
  }
  return { revision, gate: schema.toGateConfig(revision, uiPath) }
}
