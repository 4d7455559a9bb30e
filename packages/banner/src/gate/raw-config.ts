declare const __TORII_CONFIG__: unknown

/** The config the server inlined (undefined when the placeholder was left in: the gate then warns). */
export let rawConfig: unknown
try {
  rawConfig = __TORII_CONFIG__
} catch {}
