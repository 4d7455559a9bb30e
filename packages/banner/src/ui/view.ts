import type { SiteConfig } from '@torii/schema/site-config'
import type { Effective } from '../gate/rules.ts'
import type { Choice } from '../gate/types.ts'
import type { Decision, View } from '../shared/contract.ts'
import { allOf } from './decision-rules.ts'
import { tag } from './dom.ts'
import { type FirstLayerOptions, firstLayer } from './first-layer.ts'
import type { Texts } from './texts/index.ts'

/** The preferences chunk (Preact), loaded on first use. */
export type PrefsModule = typeof import('./prefs.tsx')

/** Builds the notice of a notice-model region (src/ui/notice.ts, a chunk of its own). */
export type NoticeLayer = (o: FirstLayerOptions) => HTMLElement

export interface ViewOptions {
  config: SiteConfig
  lang: string
  /** The texts shown (textsFor: the language's built-in texts under the site's own). */
  t: Texts
  gpc: boolean
  /** The choice in force (the preferences show its consent id). */
  choice(): Choice | null
  /**
   * What is in force (`effective`): the preferences' switches start from it on each opening; while a decision
   * is still needed (`ask`), the first layer stays under the preferences.
   */
  inForce(): Effective
  /** The notice's builder in a notice-model region: the notice is due until the first choice. */
  notice?: NoticeLayer | false
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
  // The first layer shown: the banner or the notice.
  let layer: HTMLElement | null = null
  let prefs: HTMLElement | null = null
  let prefsModule: PrefsModule | undefined
  let invoker: Element | null | undefined
  // What had focus before the UI took it: where focus goes back when nothing better is left.
  let before: Element | null = null
  el.addEventListener('focusin', (e) => {
    const from = e.relatedTarget as Element | null
    if (from && !el.contains(from)) before = from
  })

  /** Focus back to the control that opened the preferences, else `next`, else where it was before. */
  const refocus = (next?: Element | null) =>
    [invoker, next, before].some((x) => {
      ;(x as HTMLElement | null)?.focus?.()
      return x && (x.getRootNode() as Document | ShadowRoot).activeElement == x
    })

  /**
   * Accept all or Reject all, from the first layer or the preferences; or the notice's OK (action `notice`,
   * whose lists src/ui/decide.ts leaves empty: it decides nothing).
   */
  const decideAll = (action: Decision['action']) =>
    o.decide({ ...allOf(config, action == 'accept-all'), action })

  /**
   * The first layer due, which stays under the preferences and comes back when they close: the banner while
   * undecided, else the notice until the first choice.
   */
  const due = () => (o.inForce().ask ? firstLayer : !o.choice() && o.notice)
  // 'banner' shows it, whichever it is.
  const under = () => (due() ? 'banner' : null)

  /**
   * Shows the first layer ('banner' and 'notice' both show the one due: a gate opens the one its model needs),
   * the preferences (over the first layer due), or nothing.
   */
  function show(next: View | null, from?: Element | null, vendors?: boolean, quiet?: boolean) {
    if (!quiet) next ||= o.rest || null
    const was = view
    let back = false
    view = next
    const build = next == 'prefs' ? due() : next && (due() || firstLayer)
    if (build && !layer) {
      const options: FirstLayerOptions = {
        config,
        lang,
        t,
        decide: decideAll,
        customize: (invoker) => show('prefs', invoker, invoker.localName == 'a'),
        prefetch: () => void o.loadPrefs().catch(() => {}),
      }
      layer = build(options)
      el.insertBefore(layer, el.firstChild)
      o.layer?.(layer)
    } else if (!build && layer) {
      layer.remove()
      layer = null
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
        inForce: o.inForce(),
        vendors,
        record: o.record,
        save: o.decide,
        saveAll: decideAll,
        close: () => show(under()),
      }
      const mount = (m: PrefsModule) => {
        prefsModule = m
        if (prefs == slot) m.renderPrefs(slot, props)
      }
      const failed = (e: unknown) => {
        console.warn('[torii] could not show the preferences: ' + e)
        if (prefs == slot) show(under())
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
