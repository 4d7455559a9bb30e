import { GATE } from '@torii/schema/gate-config'
import type { FabModule, GateOwnHandle, UiModule, View } from '../shared/contract.ts'
import type { GateConfig } from './types.ts'
import { warn } from './warn.ts'

/** The floating button's chunk, next to the UI chunk (its file name, set by scripts/build.mjs). */
declare const __TORII_FAB__: string

/** Runs `fn` with the UI chunk's module once it is loaded (a failed import is only logged). */
export type WithUi = (fn: (m: UiModule) => unknown) => Promise<unknown>
/** Shows the first layer or the preferences; `invoker` gets focus back when they close. */
export type Open = (view: View, invoker?: Element | null) => void

/**
 * The lazy UI: the chunks (the UI, the floating button next to it), each imported by the browser's module map
 * once (parallel calls share the fetch); whether a failed import is fetched again is the browser's
 * (whatwg/html #10327), as it was with a cache here: import() of the same URL again. Sets the handle's
 * `_showFab`.
 */
export function createLazyUi(gate: GateOwnHandle, cfg: GateConfig): [withUi: WithUi, open: Open] {
  const load =
    <M>(path: string) =>
    (fn: (m: M) => unknown) =>
      import(/* @vite-ignore */ new URL(path, new URL(cfg[GATE.ui], gate._gateUrl)) as never)
        .then(fn as (m: unknown) => unknown)
        .catch(warn)
  const withUi = load<UiModule>(cfg[GATE.ui])
  gate._showFab = () =>
    gate._choice &&
    cfg[GATE.floatingButton] !== false &&
    load<FabModule>(__TORII_FAB__)((m) => m._drawFab(gate))
  return [
    withUi,
    // Shown as soon as the UI is loaded and the body exists (the UI waits for it), config.json fetched in
    // parallel (false when the server is away: the UI then falls back to the gate's config).
    (view, invoker) => {
      gate._configJson ||= fetch(new URL('config.json', gate._gateUrl))
        .then((r) => r.json())
        .catch(Boolean)
      withUi((m) => m._open(gate, view, invoker))
    },
  ]
}
