import type { SiteConfig, Vendor } from '@torii/schema/site-config'
// biome-ignore lint/correctness/noUnusedImports: h is the classic JSX factory (scripts/build.mjs, vitest.config.ts)
import { Component, h } from 'preact'
import type { Choice } from '../gate/types.ts'
import type { Decision } from '../shared/contract.ts'
import { trapTab } from './focus-trap.ts'
import { local } from './local.ts'
import { dialogTexts } from './texts/dialog.ts'
import type { Texts } from './texts/index.ts'

export interface PreferencesProps {
  config: SiteConfig
  lang: string
  t: Texts
  gpc: boolean
  /** The choice in force, if any: its consent id is shown. */
  choice: Choice | null
  /**
   * What is in force when the dialog opens (`effective`): the switches start from it, so a purpose the
   * region's rule runs by default (opt-out, notice) shows on before any choice, and nothing does in opt-in.
   */
  inForce: { p: Flags; v: Flags }
  /** Open on the vendor list of the first purpose that has vendors (the first layer's vendor-list link). */
  vendors?: boolean
  /** The proof URL of the latest acknowledged receipt of the choice in force (REC-12), if any. */
  record?(): Promise<string | undefined>
  save(decision: Decision): void
  /** Accept all or Reject all: every purpose and vendor granted or denied (the first layer's decision). */
  saveAll(action: 'accept-all' | 'reject-all'): void
  close(): void
}

type Flags = Record<string, boolean>

/**
 * The second layer: a modal dialog with one switch per purpose and per vendor, each showing what is in force
 * (none pre-ticked where the rule asks first), and Accept all, Reject all and Save of equal weight.
 */
export class Preferences extends Component<PreferencesProps, { p: Flags; v: Flags; proof?: string }> {
  box: HTMLDivElement | null = null

  constructor(props: PreferencesProps) {
    super(props)
    this.state = { p: { ...props.inForce.p }, v: { ...props.inForce.v } }
  }

  /** Focus stays in the modal dialog: anything that takes it elsewhere gives it back to the title. */
  keep = (e: Event) => {
    if (this.box && !e.composedPath().includes(this.box)) this.title()?.focus()
  }

  title = () => this.box?.querySelector<HTMLElement>('h2')

  componentDidMount() {
    // A11Y-09: focus moves into the dialog (its title, or the vendor list when asked for it).
    const list = this.props.vendors && this.box?.querySelector<HTMLElement>('#torii-vendors')
    ;(list || this.title())?.focus()
    document.addEventListener('focusin', this.keep, true)
    this.props.record?.().then(
      (proof) => proof && this.setState({ proof }),
      () => {}
    )
  }

  componentWillUnmount() {
    document.removeEventListener('focusin', this.keep, true)
  }

  render(
    { config, lang, t, gpc, choice, save, saveAll, close }: PreferencesProps,
    { p, v, proof }: { p: Flags; v: Flags; proof?: string }
  ) {
    // The built-in dialog texts, under the site's own (t).
    const d = { ...dialogTexts(lang), ...t }
    // The vendor-list link of the first layer lands on the first purpose that has vendors.
    const listed = config.purposes.find((x) => config.vendors.some((y) => y.purposes.includes(x.key)))
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
        // A click on the backdrop would take focus out of the dialog, to the page's body.
        onMouseDown={(e) => e.target == e.currentTarget && e.preventDefault()}
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
            {d.preferencesTitle}
          </h2>
          <button type="button" class="x" data-torii-action="close" aria-label={d.close} onClick={close}>
            <span aria-hidden="true">×</span>
          </button>
          <p>{d.preferencesDescription}</p>
          {config.purposes.map((purpose) => {
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
                  {purpose.required ? d.alwaysOn : lock === false ? d.gpc : ''}
                  {local(purpose.description, lang)}
                </p>
                {list.length > 0 && (
                  <ul
                    id={purpose == listed ? 'torii-vendors' : undefined}
                    tabindex={-1}
                    aria-label={d.vendors}
                  >
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
                              {d.cookies}
                              {vendor.cookies
                                .map((c) => `${c.name} (${local(c.retention, lang)})`)
                                .join(', ')}
                            </p>
                          )}
                          {/* Vendor links are http(s) by schema; a revision published before that is not trusted. */}
                          {/^https?:\/\//i.test(vendor.privacyPolicyUrl) && (
                            <p>
                              <a href={vendor.privacyPolicyUrl} target="_blank" rel="noopener noreferrer">
                                {d.privacyOf(vendor.name)}
                              </a>
                            </p>
                          )}
                        </li>
                      )
                    })}
                  </ul>
                )}
              </section>
            )
          })}
          {choice && (
            // REC-12: the visitor can quote their consent id and read their record.
            <div class="record">
              <p class="note">
                {d.consentId}
                <code>{choice.id}</code>
              </p>
              {proof && (
                <p class="note">
                  <a href={proof} target="_blank" rel="noopener noreferrer">
                    {d.record}
                  </a>
                </p>
              )}
            </div>
          )}
          <div class="actions foot">
            {(['accept-all', 'reject-all'] as const).map((action) => (
              <button
                key={action}
                type="button"
                class="btn"
                data-torii-action={action}
                onClick={() => saveAll(action)}
              >
                {action == 'accept-all' ? d.acceptAll : d.rejectAll}
              </button>
            ))}
            <button
              type="button"
              class="btn"
              data-torii-action="save"
              onClick={() => save({ p, v, action: 'custom' })}
            >
              {d.save}
            </button>
          </div>
        </div>
      </div>
    )
  }
}
