import type { SiteConfig } from '@torii/schema/site-config'
import type { Decision } from '../shared/contract.ts'
import { tag } from './dom.ts'
import type { Texts } from './texts/index.ts'

export interface FirstLayerOptions {
  config: SiteConfig
  lang: string
  t: Texts
  decide(action: Decision['action']): void
  customize(invoker: Element): void
  /** Starts fetching the preferences when the visitor heads for Customize. */
  prefetch?(): void
}

/** The first layer: a non-modal region landmark (`<section>` with a name), three choices of equal weight (UI-01..03). */
export function firstLayer({ config, lang, t, decide, customize, prefetch }: FirstLayerOptions): HTMLElement {
  const { layout, position } = config.look
  // Like local(), inlined: a module shared with the preferences would build as a third chunk.
  const urls = config.privacyPolicyUrl || {}
  const policy = urls[lang] ?? urls[lang.split('-')[0]] ?? Object.values(urls)[0]
  const button = (action: string, label: string, onclick: (e: Event) => void, more?: object) =>
    tag('button', { type: 'button', class: 'btn', 'data-torii-action': action, onclick, ...more }, label)
  const custom = (e: Event) => {
    e.preventDefault()
    customize(e.currentTarget as Element)
  }
  return tag(
    'section',
    { class: `layer ${layout} ${position}`, 'aria-labelledby': 'torii-title' },
    tag(
      'div',
      { class: 'in' },
      tag('h2', { id: 'torii-title' }, t.title),
      tag('p', null, t.description),
      tag(
        'p',
        { class: 'links' },
        // Only an http(s) URL or a path on the site becomes a link: never javascript: from an old revision.
        policy && /^(https?:\/\/|\/(?![/\\]))/i.test(policy) && tag('a', { href: policy }, t.privacyPolicy),
        // A link to the vendor list, which lives in the preferences.
        tag(
          'a',
          { href: '#torii-vendors', onclick: custom, onpointerenter: prefetch, onfocus: prefetch },
          `${t.vendorList} (${config.vendors.length})`
        )
      ),
      tag(
        'div',
        { class: 'actions' },
        button('accept-all', t.acceptAll, () => decide('accept-all')),
        button('reject-all', t.rejectAll, () => decide('reject-all')),
        button('customize', t.customize, custom, { onpointerenter: prefetch, onfocus: prefetch })
      )
    )
  )
}
