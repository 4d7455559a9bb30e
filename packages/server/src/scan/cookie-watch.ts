// Which script wrote each cookie: an init script wraps `document.cookie`'s setter and notes the first
// script URL on the stack. Plain JavaScript in a string, so no build helper ends up in the page.

const WRITES_KEY = 'torii-scan-cookie-writes'
const MAX_WRITES = 2000

/** Runs before the page's own scripts in every frame of the visit's context. */
export const COOKIE_WATCH_SCRIPT = `(() => {
  const writes = []
  Object.defineProperty(window, Symbol.for(${JSON.stringify(WRITES_KEY)}), { value: writes })
  const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')
  if (!native || !native.get || !native.set) return
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    enumerable: native.enumerable,
    get() { return native.get.call(this) },
    set(value) {
      if (writes.length < ${MAX_WRITES}) {
        const name = String(value).split('=')[0].trim()
        const lines = String(new Error().stack || '').split('\\n').slice(2)
        let at = ''
        for (const line of lines) {
          const found = line.match(/(https?:\\/\\/[^\\s()]+?):\\d+:\\d+\\)?$/)
          if (found) { at = found[1]; break }
        }
        writes.push([name, at])
      }
      native.set.call(this, value)
    },
  })
})()`

/** Reads the writes the watch noted in the page's main frame: `[cookie name, script URL or '']`. */
export const readCookieWrites = `Array.from(window[Symbol.for(${JSON.stringify(WRITES_KEY)})] || [])`
