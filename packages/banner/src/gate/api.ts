import { EVENT_PREFIX } from '../shared/constants.ts'
import type { GateOwnHandle } from '../shared/contract.ts'
import { doc } from './dom.ts'
import type { Open, WithUi } from './lazy-ui.ts'
import { effective } from './rules.ts'
import type { ChoiceView, GateConfig } from './types.ts'
import { safe, warn } from './warn.ts'

type Fn = (...args: never[]) => unknown

/**
 * The API (`window.torii`, README) and `[data-torii-open]`: what is in force, decisions through the UI chunk.
 * Installs both; returns the API (its `push` replays the page's queue).
 */
export function createApi(
  gate: GateOwnHandle,
  cfg: GateConfig,
  withUi: WithUi,
  open: Open
): Record<string, unknown> {
  // What the choice in force allows, made afresh: the page gets its own copy.
  const view = (): ChoiceView | null => {
    const choice = gate._choice
    const inForce = choice && effective(cfg, choice, gate._gpc)
    return (
      inForce && {
        purposes: inForce.p,
        vendors: inForce.v,
        revision: choice.rev,
        consentId: choice.id,
        decidedAt: new Date(choice.at).toISOString(),
      }
    )
  }
  const decideKeys = (grant: boolean) => (keys: unknown) => withUi((m) => m._decideKeys(gate, keys, grant))
  const api: Record<string, unknown> = {
    v: 1,
    get: view,
    accept: decideKeys(true),
    reject: decideKeys(false),
    show: (invoker?: Element | null) => {
      open('prefs', invoker)
    },
    // Listeners are `torii:<type>` events on window, each call guarded so a throwing listener is only logged.
    on: (type: string, fn: Fn) => {
      const listener = safe((e: Event) => fn((e as CustomEvent).detail as never))
      addEventListener(EVENT_PREFIX + type, listener)
      return () => removeEventListener(EVENT_PREFIX + type, listener)
    },
    // `torii.push([name, ...args])` or `push(fn)`: an unknown call is named in a warning; guarded like the rest.
    push: (item: unknown) => {
      try {
        typeof item == 'function'
          ? item(api)
          : (api[(item as string[])[0]] as Fn)(...(item as never[]).slice(1))
      } catch (e) {
        warn('torii.push(' + item + '): ' + e)
      }
    },
    ready: Promise.resolve(view()),
  }
  window.torii = api as never
  doc.addEventListener('click', (e) => {
    const t = (e.target as Element).closest?.('[data-torii-open]')
    if (t) {
      e.preventDefault()
      open('prefs', t)
    }
  })
  return api
}
