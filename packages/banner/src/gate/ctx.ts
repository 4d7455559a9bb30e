/**
 * Where each field of a `UiContext` is (types.ts): `ctx[CTX.choice]`, with `import * as CTX from './ctx.ts'`.
 * Separate constants, not an object: the bundler inlines each number, so the UI and floating button chunks
 * share no module.
 */
export const cfg = 0
export const base = 1
export const gpc = 2
export const choice = 3
export const state = 4
export const config = 5
export const get = 6
export const scan = 7
export const fab = 8
export const show = 9
export const lang = 10
export const root = 11
export const site = 12
