// The demo site's GateConfig, made exactly as the server makes it, for the size budget and the bench.
import { runnerImport } from 'vite'

/** `toGateConfig(DEMO revision)` as JSON, with the UI path from the built manifest. */
export async function demoGateConfig(uiPath) {
  const { module: schema } = await runnerImport('@torii/schema')
  const { module: demo } = await runnerImport('@torii/schema/demo-config')
  const config = schema.siteConfigSchema.parse(demo.DEMO_SITE_CONFIG)
  const hash = 'f'.repeat(64)
  const revision = {
    siteId: demo.DEMO_SITE_ID,
    number: 1,
    hash,
    publishedAt: new Date(0).toISOString(),
    config,
  }
  return { revision, gate: schema.toGateConfig(revision, uiPath) }
}
