import type { ConfigChange } from '@torii/schema'

type Json = unknown

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Arrays whose items all carry a string `key` (purposes, vendors) are compared item by key. */
function isKeyed(value: Json): value is { key: string }[] {
  return Array.isArray(value) && value.every((item) => isObject(item) && typeof item.key === 'string')
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function walk(before: Json, after: Json, path: string, out: ConfigChange[]): void {
  if (same(before, after)) return
  // An optional keyed list (`regions`) that is absent on one side is an empty one: its items are listed one by one.
  if (before === undefined && isKeyed(after)) before = []
  if (after === undefined && isKeyed(before)) after = []
  if (before === undefined) {
    out.push({ path, kind: 'added', after })
    return
  }
  if (after === undefined) {
    out.push({ path, kind: 'removed', before })
    return
  }
  if (isKeyed(before) && isKeyed(after) && (before.length > 0 || after.length > 0)) {
    const left = new Map(before.map((item) => [item.key, item]))
    const right = new Map(after.map((item) => [item.key, item]))
    for (const key of new Set([...left.keys(), ...right.keys()])) {
      walk(left.get(key), right.get(key), `${path}.${key}`, out)
    }
    const order = (items: { key: string }[], other: Map<string, unknown>) =>
      items.map((item) => item.key).filter((key) => other.has(key))
    if (!same(order(before, right), order(after, left))) {
      out.push({
        path: `${path}.(order)`,
        kind: 'changed',
        before: order(before, right),
        after: order(after, left),
      })
    }
    return
  }
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      walk(before[key], after[key], path ? `${path}.${key}` : key, out)
    }
    return
  }
  out.push({ path, kind: 'changed', before, after })
}

/**
 * What changed from one config to another, as dotted paths; purposes, vendors and region rules are addressed
 * by key (`vendors.google-adsense.hosts`, `regions.japan.model`), other arrays are compared whole.
 */
export function diffConfigs(before: Json, after: Json): ConfigChange[] {
  const out: ConfigChange[] = []
  walk(before, after, '', out)
  return out
}
