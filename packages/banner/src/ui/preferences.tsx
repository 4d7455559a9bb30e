import type { SiteConfig, Vendor } from '@torii/schema/site-config'
// biome-ignore lint/correctness/noUnusedImports: h is the classic JSX factory (scripts/build.mjs, vitest.config.ts)
import { Component, h } from 'preact'
import type { Choice, Decision } from '../gate/types.ts'
import { trapTab } from './focus-trap.ts'
import { local } from './local.ts'
import type { Texts } from './texts/index.ts'

export interface PreferencesProps {
  config: SiteConfig
  lang: string
  t: Texts
  gpc: boolean
  choice: Choice | null
  /** Open scrolled to the vendors of the first purpose (the first layer's vendor-list link). */
  vendors?: boolean
  save(decision: Decision): void
  close(): void
}

type Map = Record<string, boolean>

/** The second layer: a modal dialog with one switch per purpose and per vendor, none pre-ticked. */
export class Preferences extends Component<PreferencesProps, { p: Map; v: Map }> {
  box: HTMLDivElement | null = null

  constructor(props: PreferencesProps) {
    super(props)
    this.state = { p: { ...props.choice?.p }, v: { ...props.choice?.v } }
  }

  componentDidMount() {
    // A11Y-09: focus moves into the dialog (its title, or the vendor list when asked for it).
    this.box!.querySelector<HTMLElement>(this.props.vendors ? '#torii-vendors' : 'h2')!.focus()
  }

  render({ config, lang, t, gpc, save, close }: PreferencesProps, { p, v }: { p: Map; v: Map }) {
    const locked = (key: string) => {
      const purpose = config.purposes.find((x) => x.key == key)
      return purpose?.required ? true : gpc && purpose?.gpcDenies ? false : undefined
    }
    const vendorLocked = (vendor: Vendor) => {
      const states = vendor.purposes.map(locked)
      return states.includes(false) ? false : states.every((s) => s) ? true : undefined
    }
    const setPurpose = (key: string, on: boolean) => {
      const next = { ...v }
      for (const vendor of config.vendors) if (vendor.purposes.includes(key)) next[vendor.key] = on
      this.setState({ p: { ...p, [key]: on }, v: next })
    }
    const setVendor = (vendor: Vendor, on: boolean) => {
      const next = on ? { ...p, ...Object.fromEntries(vendor.purposes.map((k) => [k, true])) } : p
      this.setState({ p: next, v: { ...v, [vendor.key]: on } })
    }

    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: Escape and Tab for the dialog inside (A11Y-01)
      <div
        class="backdrop"
        onKeyDown={(e) => {
          if (e.key == 'Escape') {
            e.preventDefault()
            close()
          } else trapTab(this.box!, e)
        }}
      >
        <div
          class="dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="torii-prefs"
          ref={(el) => {
            this.box = el
          }}
        >
          <h2 id="torii-prefs" tabindex={-1}>
            {t.preferencesTitle}
          </h2>
          <button type="button" class="x" data-torii-action="close" aria-label={t.close} onClick={close}>
            <span aria-hidden="true">×</span>
          </button>
          <p>{t.preferencesDescription}</p>
          {config.purposes.map((purpose, i) => {
            const lock = locked(purpose.key)
            const id = 'torii-p-' + purpose.key
            const list = config.vendors.filter((vendor) => vendor.purposes.includes(purpose.key))
            return (
              <section key={purpose.key} aria-labelledby={id}>
                <div class="row">
                  <h3 id={id}>{local(purpose.name, lang)}</h3>
                  <input
                    type="checkbox"
                    role="switch"
                    aria-labelledby={id}
                    aria-describedby={id + '-d'}
                    checked={lock ?? !!p[purpose.key]}
                    aria-checked={lock ?? !!p[purpose.key]}
                    disabled={lock != null}
                    onChange={(e) => setPurpose(purpose.key, e.currentTarget.checked)}
                  />
                </div>
                <p class="note" id={id + '-d'}>
                  {purpose.required ? t.alwaysOn + '. ' : lock === false ? t.gpc + ' ' : ''}
                  {local(purpose.description, lang)}
                </p>
                {list.length > 0 && (
                  <ul id={i == 0 ? 'torii-vendors' : undefined} tabindex={-1} aria-label={t.vendors}>
                    {list.map((vendor) => {
                      const vlock = vendorLocked(vendor)
                      return (
                        <li key={vendor.key}>
                          <div class="row">
                            <strong>{vendor.name}</strong>
                            <input
                              type="checkbox"
                              role="switch"
                              aria-label={vendor.name}
                              checked={vlock ?? !!v[vendor.key]}
                              aria-checked={vlock ?? !!v[vendor.key]}
                              disabled={vlock != null}
                              onChange={(e) => setVendor(vendor, e.currentTarget.checked)}
                            />
                          </div>
                          {vendor.cookies.length > 0 && (
                            <p>
                              {t.cookies}:{' '}
                              {vendor.cookies
                                .map((c) => `${c.name} (${local(c.retention, lang)})`)
                                .join(', ')}
                            </p>
                          )}
                          <p>
                            <a href={vendor.privacyPolicyUrl} target="_blank" rel="noopener noreferrer">
                              {t.privacyOf} {vendor.name}
                            </a>
                          </p>
                        </li>
                      )
                    })}
                  </ul>
                )}
              </section>
            )
          })}
          <div class="actions foot">
            <button
              type="button"
              class="btn"
              data-torii-action="save"
              onClick={() => save({ p, v, action: 'custom' })}
            >
              {t.save}
            </button>
          </div>
        </div>
      </div>
    )
  }
}
