import type { SiteConfig } from '@torii/schema/site-config'
import type { Choice } from '../gate/types.ts'
import type { Decision, View } from '../shared/contract.ts'
import { tag } from './dom.ts'
import { firstLayer } from './first-layer.ts'
import type { Texts } from './texts/index.ts'

/** The preferences chunk (Preact), loaded on first use. */
export type PrefsModule = typeof import('./prefs.tsx')

export interface ViewOptions {
  config: SiteConfig
  lang: string
  /** The texts shown (textsFor: the language's built-in texts under the site's own). */
  t: Texts
  gpc: boolean
  /** The choice in force (the preferences start from it on each opening). */
  choice(): Choice | null
  /** A decision is still needed: the first layer stays under the preferences. */
  ask(): boolean
  decide(decision: Decision): void
  loadPrefs(): Promise<PrefsModule>
  /** What `show(null)` shows: nothing on a site, the first layer in the admin's preview. */
  rest?: View
  /** The UI closed without a decision. */
  closed?(): void
  /** The first layer was shown (its element) or removed (null). */
  layer?(el: HTMLElement | null): void
  /** The proof URL of the visitor's latest acknowledged receipt (REC-12), for the preferences. */
  record?(): Promise<string | undefined>
}

/**
 * The whole visitor UI (`lang` on the root, A11Y-08): the first layer in plain DOM, the preferences dialog
 * mounted from its lazily loaded chunk, and a status region. Its `dir` is `auto`: the direction of its
 * first text (the title), so a site's own texts in a right-to-left language read right to left, and the
 * built-in ones left to right on a right-to-left page (no built-in language is right to left).
 */
export function createView(o: ViewOptions) {
  const { config, lang, t } = o
  const status = tag('div', { class: 'status', role: 'status' })
  const el = tag('div', { class: 'root', lang, dir: 'auto' }, status)
  let view: View | null = null
  let banner: HTMLElement | null = null
  let prefs: HTMLElement | null = null
  let prefsModule: PrefsModule | undefined
  let invoker: Element | null | undefined
  // What had focus before the UI took it: where focus goes back when nothing better is left.
  let before: Element | null = null
  el.addEventListener('focusin', (e) => {
    const from = e.relatedTarget as Element | null
    if (from && !el.contains(from)) before = from
  })

  const all = (grant: boolean) => {
    const p: Record<string, boolean> = {}
    const v: Record<string, boolean> = {}
    for (const x of config.purposes) p[x.key] = grant
    for (const x of config.vendors) v[x.key] = grant
    return { p, v }
  }
  /** Focus back to the control that opened the preferences, else `next`, else where it was before. */
  const refocus = (next?: Element | null) =>
    [invoker, next, before].some((x) => {
      ;(x as HTMLElement | null)?.focus?.()
      return x && (x.getRootNode() as Document | ShadowRoot).activeElement == x
    })

  /** Shows the first layer, the preferences (over the first layer while undecided) or nothing. */
  function show(next: View | null, from?: Element | null, vendors?: boolean, quiet?: boolean) {
    if (!quiet) next ||= o.rest || null
    const was = view
    let back = false
    view = next
    const wantBanner = next == 'banner' || (next == 'prefs' && o.ask())
    if (wantBanner && !banner) {
      banner = firstLayer({
        config,
        lang,
        t,
        decide: (action) => o.decide({ ...all(action == 'accept-all'), action }),
        customize: (invoker) => show('prefs', invoker, invoker.localName == 'a'),
        prefetch: () => void o.loadPrefs().catch(() => {}),
      })
      el.insertBefore(banner, el.firstChild)
      o.layer?.(banner)
    } else if (!wantBanner && banner) {
      banner.remove()
      banner = null
      o.layer?.(null)
    }
    if (next == 'prefs' && was != 'prefs') {
      invoker = from || ((el.getRootNode() as ShadowRoot).activeElement ?? document.activeElement)
      const slot = (prefs = el.insertBefore(tag('div'), status))
      const props = {
        config,
        lang,
        t,
        gpc: o.gpc,
        choice: o.choice(),
        vendors,
        record: o.record,
        save: o.decide,
        close: () => show(o.ask() ? 'banner' : null),
      }
      const mount = (m: PrefsModule) => {
        prefsModule = m
        if (prefs == slot) m.renderPrefs(slot, props)
      }
      const failed = (e: unknown) => {
        console.warn('[torii] could not show the preferences: ' + e)
        if (prefs == slot) show(o.ask() ? 'banner' : null)
      }
      // Nothing the dialog does may throw into the host page.
      if (prefsModule)
        try {
          mount(prefsModule)
        } catch (e) {
          failed(e)
        }
      else o.loadPrefs().then(mount).catch(failed)
    } else if (next != 'prefs' && prefs) {
      prefsModule?.unmountPrefs(prefs)
      prefs.remove()
      prefs = null
      back = !quiet
    }
    if (!next && !quiet) o.closed?.()
    // After closed(): the floating button that opened the preferences is shown again by then.
    if (back) refocus()
  }

  return {
    /** The root element to append to the shadow root. */
    el,
    show,
    /** Closes whatever is open, without giving focus back or telling the gate. */
    close: () => show(null, null, false, true),
    refocus,
    status(text: string) {
      status.textContent = text
    },
  }
}
