import { COOKIE_NAME } from '../shared/constants.ts'
import type { Choice } from './types.ts'
import { warn } from './warn.ts'

/** `1~<consent id>~<revision>~<decided at, unix seconds>~<purposes>~<vendors>`; lists of keys joined by `.`, `!key` denied (docs/cookie-format.md; written by src/ui/cookie.ts). */
const FORMAT = /^1~[\w-]{16,64}~\d{1,9}~\d{1,12}(~(!?[a-z][a-z\d-]*(\.!?[a-z][a-z\d-]*)*)?){2}$/

function parseList(text: string): Record<string, boolean> {
  const flags: Record<string, boolean> = {}
  for (const item of text.split('.')) if (item) flags[item.replace('!', '')] = item[0] != '!'
  return flags
}

/** Parses a cookie value; anything malformed (another script's `torii` too) is no choice, named in a warning. */
export function parseChoice(value: string): Choice | null {
  const [, id, rev, at, p, v] = value.split('~')
  if (FORMAT.test(value)) return { id, rev: +rev, at: +at * 1000, p: parseList(p), v: parseList(v) }
  warn('ignored a malformed "torii" cookie')
  return null
}

/** The newest valid choice among the `torii` cookies of `cookies` (`document.cookie`: host and domain copies). */
export function readChoice(cookies: string): Choice | null {
  let best: Choice | null = null
  for (const part of cookies.split('; ')) {
    const [name, value] = part.split('=')
    const choice = name == COOKIE_NAME && parseChoice(value)
    if (choice && !(best && best.at > choice.at)) best = choice
  }
  return best
}
