import type { SiteConfig } from '@torii/schema/site-config'
import type { Decision } from '../gate/types.ts'
import { local } from './local.ts'
import type { Texts } from './texts/index.ts'

export interface BannerProps {
  config: SiteConfig
  lang: string
  t: Texts
  decide(action: Decision['action']): void
  customize(invoker: Element): void
}

/** The first layer: a non-modal region landmark (`<section>` with a name), three choices of equal weight (UI-01..03). */
export function Banner({ config, lang, t, decide, customize }: BannerProps) {
  const { layout, position } = config.look
  const policy = local(config.privacyPolicyUrl, lang)
  return (
    <section class={`layer ${layout} ${position}`} aria-labelledby="torii-title">
      <div class="in">
        <h2 id="torii-title">{t.title}</h2>
        <p>{t.description}</p>
        <p class="links">
          {policy && <a href={policy}>{t.privacyPolicy}</a>}
          {/* biome-ignore lint/a11y/useValidAnchor: a link to the vendor list, which lives in the preferences */}
          <a
            href="#torii-vendors"
            onClick={(e) => {
              e.preventDefault()
              customize(e.currentTarget)
            }}
          >
            {t.vendorList} ({config.vendors.length})
          </a>
        </p>
        <div class="actions">
          <button
            type="button"
            class="btn"
            data-torii-action="accept-all"
            onClick={() => decide('accept-all')}
          >
            {t.acceptAll}
          </button>
          <button
            type="button"
            class="btn"
            data-torii-action="reject-all"
            onClick={() => decide('reject-all')}
          >
            {t.rejectAll}
          </button>
          <button
            type="button"
            class="btn"
            data-torii-action="customize"
            onClick={(e) => customize(e.currentTarget)}
          >
            {t.customize}
          </button>
        </div>
      </div>
    </section>
  )
}
