import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import type { SiteConfig } from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { demoConfig } from '../../../test/fixtures.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { session } from '../../models/session.ts'
import { siteModel } from '../../models/site.ts'
import { DraftBar } from './index.tsx'

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })

async function loadSite(config: SiteConfig) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      json({
        site: {
          id: 'xtra',
          name: 'Xtra',
          origins: [],
          languages: ['ja', 'en'],
          createdAt: '',
          liveRevision: 1,
        },
        draft: config,
        draftUpdatedAt: '2026-11-25T00:00:00Z',
        live: null,
        unpublished: false,
        snippet: '',
      })
    )
  )
  await siteModel.load('xtra', true)
}

/** Ten problems: two more than the bar lists. */
function breakDraft(config: SiteConfig): SiteConfig {
  const [ga, adsense] = config.vendors
  return {
    ...config,
    defaultLanguage: 'fr',
    texts: { ...config.texts, ja: { title: 'x'.repeat(201) } },
    vendors: [
      { ...ga!, name: 'Microsoft Clarity', hosts: ['Not A Host', 'also bad'] },
      { ...adsense!, privacyPolicyUrl: 'javascript:alert(1)', key: 'Bad Key' },
    ],
    look: { ...config.look, colors: { ...config.look.colors, text: 'red', accent: 'blue' } },
    options: { ...config.options, consentDays: 9999, refusalDays: 0 },
  }
}

describe('DraftBar', () => {
  beforeEach(async () => {
    setUiLanguage('en')
    session.user.value = { email: 'admin@example.com', role: 'admin', createdAt: '' }
    await loadSite(demoConfig())
  })
  afterEach(() => vi.unstubAllGlobals())

  it('should list problems by the labels a person sees, in plain words, and say how many are not listed', async () => {
    render(<DraftBar />)
    siteModel.edit(breakDraft)
    await screen.findByText('Unsaved changes')
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The draft has 10 problem(s).')
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent)
    expect(items).toHaveLength(8)
    expect(items).toContain(
      'Vendor 1 (Microsoft Clarity) › Script and iframe hosts › line 1: must be a host name such as "www.example.com" or "*.example.com", optionally followed by a path such as "/gtm.js"'
    )
    expect(items).toContain('Texts (ja) › Title: at most 200 characters')
    expect(items).toContain('Vendor 2 (Google AdSense) › Privacy policy URL: must be an http(s) URL')
    expect(items.join('\n')).not.toMatch(/vendors\.\d|Too big|expected/)
    expect(alert.textContent).toContain('…and 2 more.')
  })

  it('should ask before discarding, then drop the changes and the stale status', async () => {
    render(<DraftBar />)
    siteModel.edit(breakDraft)
    await screen.findByText('Unsaved changes')
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }))
    await screen.findByText('Check the marked fields.')
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).toContain('will be lost')
    // Keeping on editing changes nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }))
    expect(siteModel.dirty.value).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }))
    await waitFor(() => expect(siteModel.dirty.value).toBe(false))
    expect(screen.getByRole('status').textContent).toBe('Changes discarded: the draft is as last saved.')
    expect(screen.queryByText('Check the marked fields.')).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
    // An edit after that makes the message stale too.
    siteModel.edit((config) => ({ ...config, defaultLanguage: 'en' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Unsaved changes'))
  })
})
