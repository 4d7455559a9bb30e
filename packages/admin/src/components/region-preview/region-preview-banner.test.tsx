import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { demoConfig } from '../../../test/fixtures.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { RegionPreview } from './index.tsx'

// The banner's real preview entry, as the admin's build resolves it (vite.config.ts), in place of the stub
// the other admin tests get (a mocked module names every export it has: the stub's flag is said absent).
vi.mock('torii:banner-preview', async () => ({
  ...(await import('@torii/banner/preview')),
  unavailable: undefined,
}))

const pick = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('RegionPreview with the real banner', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should mount the real banner for the resolved rule, in the chosen language, and remount on a change', async () => {
    render(<RegionPreview config={demoConfig()} errors={{}} />)
    const host = screen.getByTestId('banner-preview')
    const acceptAll = () => host.shadowRoot?.querySelector('[data-torii-action="accept-all"]')?.textContent
    expect(host.dataset.regionRule).toBe('default')
    expect(host.dataset.regionModel).toBe('opt-in')
    // The site's default language first: Japanese.
    await waitFor(() => expect(acceptAll()).toBe('すべて許可'))
    pick('Visitor’s language', 'en')
    await waitFor(() => expect(acceptAll()).toBe('Accept all'))
    expect(screen.getByRole('figure').textContent).toContain('First visit from Unknown')
    pick('Visitor’s country', 'JP')
    expect(host.dataset.regionRule).toBe('japan')
    expect(host.dataset.regionModel).toBe('notice')
    expect(screen.getByRole('figure').textContent).toContain('First visit from Japan (en)')
    // What a notice-rule visitor sees is the banner's to draw; here: that something is drawn for them.
    await waitFor(() => expect(host.shadowRoot?.querySelector('[lang="en"]')).not.toBeNull())
  })
})
