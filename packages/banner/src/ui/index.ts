/**
 * The UI chunk, loaded by the gate only when a decision is needed, on `torii.show()`, or to record a
 * receipt: the first layer in plain DOM in the open shadow root of `<torii-consent>`, the decision code
 * (cookie, Consent Mode update, receipt, IndexedDB mirror). The preferences dialog (Preact) is a chunk
 * of its own, fetched when the visitor opens it.
 */
import { GATE } from '@torii/schema/gate-config'
import { FAB_ID } from '../shared/constants.ts'
import type { GateHandle, View } from '../shared/contract.ts'
import { keepClear } from './clear-bar.ts'
import { decide, decideGpc } from './decide.ts'
import { firstTab } from './first-tab.ts'
import { bodyExists, shadowRoot } from './host.ts'
import { inForce } from './in-force.ts'
import type { Keyed } from './keys.ts'
import { pickLanguage } from './language.ts'
import { sheetFor } from './look.ts'
import { flush, flushQueued } from './receipt.ts'
import { afterPaint, siteConfig } from './site.ts'
import { standIns } from './stand-ins.ts'
import { loadHistory } from './store.ts'
import { textsFor } from './texts/index.ts'
import { BUILT_IN_LANGUAGES } from './texts/languages.ts'
import { loadTexts } from './texts/load.ts'
import { createView } from './view.ts'

/** The notice's chunk (src/ui/notice.ts), once a notice-model region's gate asked for the notice. */
type NoticeModule = typeof import('./notice.ts')

const STATUS_MS = 5000
let view: Promise<ReturnType<typeof createView>> | undefined
let shown: ReturnType<typeof createView> | undefined

/** Makes the UI once; `noticeChunk`: the notice's, imported where the gate shows it. */
async function createFor(gate: GateHandle, noticeChunk: false | Promise<NoticeModule>) {
  const notice = await noticeChunk
  const config = await siteConfig(gate)
  const lang = gate._chunks?.lang || '' // picked by siteConfig
  const t = textsFor(config, lang, await loadTexts(lang))
  const root = shadowRoot(gate)
  // The page sees the banner's language on <torii-consent> too (the floating button may have made it).
  root.host.setAttribute('lang', lang)
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheetFor(config.look)]
  const ui = createView({
    config,
    lang,
    t,
    gpc: gate._gpc,
    choice: () => gate._choice,
    inForce: () => inForce(gate),
    // It links the site's disclosure page.
    notice: notice && ((o) => notice._noticeLayer(o, gate._gateUrl)),
    loadPrefs: () => import('./prefs.tsx'),
    closed: () => toggleFab(gate, false),
    layer(el) {
      keepClear(el)
      // The notice takes no Tab of the page's: it waits at the end of the Tab order and in the landmarks.
      firstTab(el?.matches('.notice') ? null : el)
    },
    record: async () => {
      const id = gate._choice?.id
      const acked = (await loadHistory()).filter((e) => e.ack && e.input.consentId == id).pop()
      return acked && new URL(acked.ack!.proofUrl, gate._gateUrl).href
    },
    decide(decision) {
      // A dismissed notice saved nothing the visitor chose.
      if (decision.action != 'notice') ui.status(t.saved)
      ui.close()
      decide(gate, decision).catch(() => {})
      // The focused button is gone: focus goes back to the control that opened the preferences, else the
      // floating button once its chunk has shown it (gate._showFab() passes on the gate's import promise),
      // else where it was before the banner took it; unless the visitor has moved it since.
      Promise.resolve(gate._showFab()).then(() => {
        const at = document.activeElement
        if (!at || at == document.body) ui.refocus(shadowRoot(gate).getElementById(FAB_ID))
      })
      setTimeout(() => ui.status(''), STATUS_MS)
    },
  })
  root.appendChild(ui.el)
  return (shown = ui)
}

/** Shows the "allow <vendor>" stand-in of a blocked iframe. */
const showPlaceholder = (gate: GateHandle, frame: Element): Promise<void> =>
  Promise.all([siteConfig(gate), import('./placeholder.ts')]).then(async ([config, m]) => {
    const lang = gate._chunks?.lang || ''
    const texts = await loadTexts(lang)
    const allow = (keys: string[]) => byKeys(gate, keys, true).catch(() => {})
    const box = !standIns.has(frame) && m.showPlaceholder(config, lang, frame, allow, texts)
    if (box) standIns.set(frame, box)
  })

/**
 * The floating button (src/ui/fab.ts, a chunk of its own) hides while the UI is open, and shows again at
 * once when it closes (focus returns to it).
 */
function toggleFab(gate: GateHandle, hidden: boolean) {
  const fab = shadowRoot(gate).getElementById(FAB_ID)
  if (fab) fab.hidden = hidden
  if (!hidden) gate._showFab()
}

/** Opens the first layer, the notice or the preferences; `invoker` gets focus back when the preferences close. */
async function open(gate: GateHandle, next: View, from?: Element | null): Promise<void> {
  // The chunk of the built-in language the visitor probably gets is requested now, beside config.json
  // (which the gate fetches), not once config.json says which languages the site has: the browser's
  // module map imports it once, so the UI's loadTexts of the same language waits for this request.
  if (!view) loadTexts(pickLanguage(BUILT_IN_LANGUAGES, ''), true)
  // The notice's chunk too (a failed import is the gate's to log, as the UI chunk's).
  const noticeChunk = next == 'notice' && import('./notice.ts')
  await bodyExists()
  toggleFab(gate, true)
  const ui = await (view ||= createFor(gate, noticeChunk))
  ui.show(next, from)
  // Receipts queued on an earlier page view: the gate looks for them only when it shows no banner.
  afterPaint(flushQueued)
}

/** Page script's keys (src/ui/keys.ts), a chunk of its own. */
const keysChunk = () => import('./keys.ts')
/** The gate config's purposes and vendors, as src/ui/keys.ts takes them. */
const keyed = ({ _gateConfig: cfg }: GateHandle): Keyed => [cfg[GATE.purposes], cfg[GATE.vendors]]

/** Decides `accept`/`reject` of known keys on top of what is in force. */
const byKeys = async (gate: GateHandle, keys: string[] | 'all', grant: boolean) =>
  decide(gate, (await keysChunk())._keysDecision(keyed(gate), inForce(gate), keys, grant))

/**
 * `torii.accept` / `torii.reject`: decides the known keys, and closes the UI if it is open. The receipt names the visitor's
 * language, picked from the site's languages (config.json) first.
 */
async function decideKeys(gate: GateHandle, keys: unknown, grant: boolean): Promise<void> {
  const known = (await keysChunk())._knownKeys(keyed(gate), keys, grant)
  if (!known) return // nothing decided: the banner, if shown, stays
  close()
  await siteConfig(gate)
  return byKeys(gate, known, grant)
}

/** GPC's own decision for a returning visitor with something undecided (see decideGpc), without the UI. */
async function gpcDecision(gate: GateHandle): Promise<void> {
  await siteConfig(gate)
  return decideGpc(gate)
}

/** Closes whatever is open. */
function close(): void {
  shown?.close()
}

// What the gate calls (`UiModule`, src/shared/contract.ts): the build gives each its short name.
export {
  close as _close,
  decideKeys as _decideKeys,
  flush as _flushReceipts,
  gpcDecision as _decideGpc,
  open as _open,
  showPlaceholder as _showPlaceholder,
}
