// The demo site's GateConfig, made exactly as the server makes it, for the size budget and the bench.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const server = join(dirname(fileURLToPath(import.meta.url)), '../../server/src')

/** The rule of each model a gate is measured with when the demo's config has none of that model. */
const RULE_OF_MODEL = {
  'opt-out': { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
  notice: { key: 'japan', match: ['JP'], model: 'notice' },
}

/**
 * `toGateConfig(DEMO revision, uiPath, rule)` as JSON, with the UI path from the built manifest, and the
 * revision as config.json serves it (its hash is the server's own `revisionHash`: SHA-256 of the canonical
 * JSON). `model`: the region model of the rule (the demo's own rule of that model, else one above); opt-in, the
 * default, is the gate of a site without regions.
 */
export async function demoGateConfig(uiPath, model = 'opt-in') {
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
  const rule =
    model == 'opt-in' ? undefined : (config.regions?.find((r) => r.model == model) ?? RULE_OF_MODEL[model])
  return { revision, rule, gate: schema.toGateConfig(revision, uiPath, rule) }
}
