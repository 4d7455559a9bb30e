import { GATE } from '@torii/schema/gate-config'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { consentState } from '../src/gate/consent-mode.ts'
import type { Choice } from '../src/gate/types.ts'
import { serializeChoice } from '../src/ui/cookie.ts'
import { bootGate } from './boot-gate.ts'
import { demoConfig } from './fixtures.ts'

type W = { dataLayer?: ArrayLike<unknown>[]; gtag?: unknown; torii?: unknown }

describe('Consent Mode', () => {
  beforeEach(() => {
    delete (window as W).dataLayer
    delete (window as W).gtag
    delete (window as W).torii
    document.cookie = 'torii=; Max-Age=0'
    // The gate opens the UI (no choice): its chunk does not load here, which is only logged.
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')))
  })

  it('should map granted purposes to every managed type', () => {
    const cfg = demoConfig()
    expect(consentState(cfg, { necessary: true, analytics: true, advertising: false })).toEqual({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'granted',
      security_storage: 'granted',
    })
    expect(consentState(cfg, {})).toMatchObject({ ad_storage: 'denied', analytics_storage: 'denied' })
  })

  it('should grant a type mapped by two purposes when either is granted', () => {
    const cfg = demoConfig()
    cfg[GATE.purposes][1]![1] = ['analytics_storage', 'ad_storage']
    expect(consentState(cfg, { analytics: true, advertising: false }).ad_storage).toBe('granted')
    expect(consentState(cfg, { analytics: false, advertising: true }).ad_storage).toBe('granted')
  })

  it('should create dataLayer and gtag, push Arguments, default then set', async () => {
    const cfg = demoConfig()
    // A stored choice's update, pushed right after the defaults.
    const choice: Choice = {
      id: 'a'.repeat(32),
      rev: 3,
      at: Date.now(),
      p: { necessary: true, analytics: true, advertising: false },
      v: { 'google-analytics': true, 'google-adsense': false },
    }
    document.cookie = `torii=${serializeChoice(choice)}`
    await bootGate(cfg)
    const dl = (window as W).dataLayer!
    expect(Object.prototype.toString.call(dl[0])).toBe('[object Arguments]')
    expect(dl.map((e) => [e[0], e[1]])).toEqual([
      ['consent', 'default'],
      ['set', 'ads_data_redaction'],
      ['consent', 'update'],
      [undefined, undefined], // the torii_consent event, below
    ])
    expect(dl[0][2]).toMatchObject({
      ad_storage: 'denied',
      analytics_storage: 'denied',
      security_storage: 'granted', // its purpose is required
      wait_for_update: 500,
    })
    expect(dl[2][2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' })
    // Right after the update: what is granted, keys in config order, for GTM triggers.
    expect(dl[3]).toEqual({
      event: 'torii_consent',
      torii_purposes: ['necessary', 'analytics'],
      torii_vendors: ['google-analytics'],
    })
  })

  it('should push no torii_consent event without a choice in force', async () => {
    await bootGate(demoConfig())
    const dl = (window as W).dataLayer!
    expect(dl.some((e) => (e as { event?: string }).event)).toBe(false)
  })

  it('should keep a page-defined gtag and honour url_passthrough', async () => {
    const seen: unknown[] = []
    ;(window as W).gtag = (...args: unknown[]) => seen.push(args)
    const cfg = demoConfig()
    cfg[GATE.urlPassthrough] = true
    cfg[GATE.adsDataRedaction] = false
    await bootGate(cfg)
    expect(seen.map((a) => (a as unknown[]).slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['set', 'url_passthrough'],
    ])
  })
})
