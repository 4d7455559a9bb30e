import { useChromiumEngine } from './engine-chromium.ts'
import { useFirefoxEngine } from './engine-firefox.ts'
import type { GoogleRecorder } from './google.ts'

/** The browser engines the cross-engine scenarios run in. */
export type EngineName = 'chromium' | 'firefox'
export const ENGINES: readonly EngineName[] = ['chromium', 'firefox']

export interface VisitorOptions {
  /** The browser sends Global Privacy Control (`navigator.globalPrivacyControl`, `Sec-GPC: 1`). */
  gpc?: boolean
}

/** Where the banner's buttons are: CSS inside the shadow root of `torii-consent`. */
export type BannerSelector = string

/**
 * One page in a fresh browser context of either engine, its Google requests answered by the stubs and
 * recorded, its errors collected (the test fails on any). What the scenarios need, and no more.
 */
export interface EnginePage {
  readonly google: GoogleRecorder
  /** Uncaught exceptions and `console.error`s so far (checked empty when the test finishes). */
  readonly errors: string[]
  /** Answers `url` with `html`: a fixture served on the test server's origin. Call before `goto`. */
  serve(url: string, html: string): Promise<void>
  /** Navigates; resolves once the page's load event fired. */
  goto(url: string): Promise<void>
  /** Reloads; resolves once the page's load event fired. */
  reload(): Promise<void>
  /** Runs `fn` in the page (with `arg`, which must be serializable) and returns its result. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>
  /** Resolves once `fn` returns something truthy in the page. */
  waitForFunction(fn: () => unknown): Promise<unknown>
  /** Clicks the banner's element matching `selector` (as a user would: scrolled into view, real mouse). */
  clickInBanner(selector: BannerSelector): Promise<void>
  waitInBanner(selector: BannerSelector, state: 'visible' | 'hidden'): Promise<void>
  countInBanner(selector: BannerSelector): Promise<number>
  /** The state of the banner's switch whose accessible name is `name`. */
  switchState(name: string): Promise<{ checked: boolean; disabled: boolean }>
}

export interface Engine {
  readonly name: EngineName
  /** A fresh context and page, closed after the test. */
  open(options?: VisitorOptions): Promise<EnginePage>
}

/** Registers the hooks of `name`'s driver for this file (or `describe` block) and returns it. */
export function useEngine(name: EngineName): Engine {
  return name === 'chromium' ? useChromiumEngine() : useFirefoxEngine()
}
