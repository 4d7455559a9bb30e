/**
 * Names the gate and the chunks both use, each defined once. Literals only: the bundler inlines each, so the
 * UI and floating button chunks share no module (a shared chunk would cost a request).
 */

/** The choice's cookie (format: docs/cookie-format.md). */
export const COOKIE_NAME = 'torii'
/** A held tag: an inert script or an iframe kept from its src. */
export const INERT_SELECTOR = 'script[type="text/plain"],iframe[data-src]'
/** The prefix of the API's window events (`torii:change`). */
export const EVENT_PREFIX = 'torii:'
/** The event a decision fires on window, `detail` = `torii.get()`. */
export const CHANGE_EVENT = 'torii:change'
/** localStorage flag of queued receipts: the gate reads it on load, IndexedDB being no cheap read. */
export const OUTBOX_FLAG = 'torii:outbox'
/** localStorage key of the last config.json this browser read, for a page view with the server away. */
export const CONFIG_KEY = 'torii:config'
/** The floating button's id in the shadow root: the UI hides it while open. */
export const FAB_ID = 'torii-fab'
