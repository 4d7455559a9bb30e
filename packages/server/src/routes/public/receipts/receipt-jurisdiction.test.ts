import type { Receipt, ReceiptAck, ReceiptProof } from '@torii/schema'
import { afterEach, describe, expect, it } from 'vitest'
import { createJurisdictionResolver } from '../../../geo/jurisdiction-resolver.ts'
import { verifyReceiptList } from '../../../ledger/verify/verify.ts'
import { entryOfPublicReceipt } from '../../../testing/log-verifier.ts'
import {
  createTestApp,
  publishRegions,
  receiptBody,
  signIn,
  TEST_ORIGIN,
  type TestApp,
  type TestAppOptions,
} from '../../../testing/test-app.ts'

const CLOUDFLARE = createJurisdictionResolver({
  countryHeader: 'cf-ipcountry',
  subdivisionHeader: 'cf-region-code',
})
let test: TestApp
afterEach(async () => {
  await test.close()
})

/** Posts a receipt for the live revision; answers what the ledger stored. */
async function post(headers: Record<string, string>, revision = 1): Promise<Receipt> {
  const res = await test.app.request('/s/xtra/receipts', {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: TEST_ORIGIN, ...headers },
    body: JSON.stringify(receiptBody({ revision })),
  })
  expect(res.status).toBe(201)
  const ack = (await res.json()) as ReceiptAck
  return (await test.ledger.get(ack.id))!
}

/**
 * The receipt's hash as the #16 contract defines it (the v1 entry, testing/log-verifier.ts): its kept
 * members, the jurisdiction among them, canonical JSON with absent members left out, as before regions.
 */
const committedHash = (receipt: Receipt) =>
  entryOfPublicReceipt(receipt as unknown as Record<string, unknown>).toString('hex')

const start = async (options: TestAppOptions = { jurisdiction: CLOUDFLARE }) => {
  test = await createTestApp(options)
}

describe('a receipt of a site with region rules', () => {
  it('records the country, subdivision, rule and model the server resolved, hashed, and verifies', async () => {
    await start()
    const revision = await publishRegions(test)
    const germany = await post({ 'cf-ipcountry': 'DE' }, revision)
    expect(germany).toMatchObject({ country: 'DE', regionRule: 'gdpr', regionModel: 'opt-in' })
    expect(germany.subdivision).toBeUndefined()
    const california = await post({ 'cf-ipcountry': 'us', 'cf-region-code': 'CA' }, revision)
    expect(california).toMatchObject({
      country: 'US',
      subdivision: 'US-CA',
      regionRule: 'us-privacy',
      regionModel: 'opt-out',
    })
    // Unknown place: the default rule, no country.
    const nowhere = await post({ 'cf-ipcountry': 'XX' }, revision)
    expect(nowhere).toMatchObject({ regionRule: 'default', regionModel: 'opt-in' })
    expect(nowhere.country).toBeUndefined()
    for (const receipt of [germany, california, nowhere]) expect(receipt.hash).toBe(committedHash(receipt))
    expect(committedHash({ ...germany, country: 'FR' })).not.toBe(germany.hash)
    await test.ledger.seal()
    expect(await test.ledger.verify()).toMatchObject({ ok: true, receipts: 3 })
  })

  it("records the rules of the receipt's own revision, as its gate got them", async () => {
    await start()
    const withRules = await publishRegions(test)
    await publishRegions(test, [{ key: 'everywhere', match: ['*'], model: 'notice' }])
    expect(await post({ 'cf-ipcountry': 'JP' }, withRules)).toMatchObject({
      regionRule: 'japan',
      regionModel: 'notice',
    })
    // Revision 1 has no rules: nothing recorded, whatever the live revision says.
    const old = await post({ 'cf-ipcountry': 'JP' }, 1)
    expect(old.regionRule).toBeUndefined()
    expect(old.country).toBeUndefined()
  })

  it('records the default rule and no place with TORII_GEO=off', async () => {
    await start({
      jurisdiction: createJurisdictionResolver({ enabled: false, countryHeader: 'cf-ipcountry' }),
    })
    const revision = await publishRegions(test)
    const receipt = await post({ 'cf-ipcountry': 'JP' }, revision)
    expect(receipt).toMatchObject({ regionRule: 'default', regionModel: 'opt-in' })
    expect(receipt.country).toBeUndefined()
  })

  it('shows the jurisdiction on the receipt page (JSON, HTML in English and Japanese) and in the exports', async () => {
    await start()
    const revision = await publishRegions(test)
    const ja = await post({ 'cf-ipcountry': 'US', 'cf-region-code': 'CA' }, revision)
    const proof = (await (await test.app.request(`/receipts/${ja.id}?format=json`)).json()) as ReceiptProof
    expect(proof.receipt).toMatchObject({
      country: 'US',
      subdivision: 'US-CA',
      regionRule: 'us-privacy',
      regionModel: 'opt-out',
    })
    const html = async (id: string) =>
      (await test.app.request(`/receipts/${id}`, { headers: { accept: 'text/html' } })).text()
    // receiptBody's language is ja: the page is in Japanese.
    const jaPage = await html(ja.id)
    expect(jaPage).toContain('所在地（サーバーの判定）</th><td>アメリカ合衆国 (US), US-CA</td>')
    expect(jaPage).toContain('適用された地域ルール</th><td><code>us-privacy</code> オプトアウト</td>')
    const enRes = await test.app.request('/s/xtra/receipts', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: TEST_ORIGIN, 'cf-ipcountry': 'DE' },
      body: JSON.stringify(receiptBody({ revision, language: 'en' })),
    })
    const en = (await enRes.json()) as ReceiptAck
    const enPage = await html(en.id)
    expect(enPage).toContain('Location (as the server placed it)</th><td>Germany (DE)</td>')
    expect(enPage).toContain('Region rule applied</th><td><code>gdpr</code> opt-in (asks first)</td>')

    const admin = await signIn(test, 'admin')
    const exported = (format: string) =>
      test.app.request(`/api/admin/sites/xtra/export?format=${format}`, { headers: admin.headers() })
    const lines = (await (await exported('ndjson')).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Receipt)
    expect(lines.map((r) => [r.country, r.subdivision, r.regionRule, r.regionModel])).toEqual([
      ['US', 'US-CA', 'us-privacy', 'opt-out'],
      ['DE', undefined, 'gdpr', 'opt-in'],
    ])
    expect(
      await verifyReceiptList(
        (async function* () {
          yield* lines
        })()
      )
    ).toMatchObject({ ok: true })
    const csv = (await (await exported('csv')).text()).trim().split('\r\n')
    expect(csv[0]).toMatch(/,country,subdivision,region_rule,region_model$/)
    expect(csv[1]).toMatch(/,US,US-CA,us-privacy,opt-out$/)
    expect(csv[2]).toMatch(/,DE,,gdpr,opt-in$/)
  })
})

describe('a receipt of a site without region rules', () => {
  it('records no jurisdiction, hashes as before, and its page and export show none', async () => {
    await start()
    const receipt = await post({ 'cf-ipcountry': 'DE' })
    // Absent: undefined in memory, left out of its JSON.
    for (const member of ['country', 'subdivision', 'regionRule', 'regionModel'] as const) {
      expect(receipt[member]).toBeUndefined()
      expect(JSON.stringify(receipt)).not.toContain(member)
    }
    expect(receipt.hash).toBe(committedHash(receipt))
    const row = (await test.database.client.execute('SELECT country, region_rule FROM receipts')).rows[0]!
    expect([row.country, row.region_rule]).toEqual([null, null])
    expect(await test.ledger.verify()).toMatchObject({ ok: true, receipts: 1 })
    const page = await (
      await test.app.request(`/receipts/${receipt.id}`, { headers: { accept: 'text/html' } })
    ).text()
    expect(page).not.toContain('所在地')
    const admin = await signIn(test, 'admin')
    const line = await (
      await test.app.request('/api/admin/sites/xtra/export?format=ndjson', { headers: admin.headers() })
    ).text()
    expect(line).not.toContain('country')
    expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(receipt)))
  })
})
