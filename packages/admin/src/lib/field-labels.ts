import type { SiteConfig } from '@torii/schema'
import { type MessageKey, t } from '../i18n/index.ts'
import { localText } from './local-text.ts'

const SEPARATOR = ' › '

/** Labels of the leaf fields, as the form shows them (`{language}` filled from the next path segment). */
const PURPOSE_FIELDS: Record<string, MessageKey> = {
  key: 'purposes.key',
  name: 'purposes.name',
  description: 'purposes.description',
  consentTypes: 'purposes.consentTypes',
  required: 'purposes.required',
  gpcDenies: 'purposes.gpc',
}
const VENDOR_FIELDS: Record<string, MessageKey> = {
  key: 'vendors.key',
  name: 'vendors.name',
  purposes: 'vendors.purposes',
  hosts: 'vendors.hosts',
  cookies: 'vendors.cookies',
  privacyPolicyUrl: 'vendors.privacyPolicyUrl',
  optOutUrl: 'vendors.optOutUrl',
  recipient: 'vendors.recipient',
  dataSent: 'vendors.dataSent',
  use: 'vendors.use',
}
const COOKIE_FIELDS: Record<string, MessageKey> = {
  name: 'vendors.cookieName',
  retention: 'vendors.cookieRetention',
  description: 'vendors.cookieDescription',
}
const REGION_FIELDS: Record<string, MessageKey> = {
  key: 'regions.key',
  match: 'regions.match',
  model: 'regions.model',
  optInPurposes: 'regions.optInPurposes',
}
const TOP_FIELDS: Record<string, MessageKey> = {
  languages: 'sites.languages',
  defaultLanguage: 'settings.defaultLanguage',
  privacyPolicyUrl: 'settings.privacyPolicy',
  purposes: 'nav.purposes',
  vendors: 'nav.vendors',
  regions: 'nav.regions',
  texts: 'look.texts',
  look: 'look.appearance',
  options: 'options.title',
}

/** `key` with a language taken from `rest[0]` when its text has a `{language}` slot. */
function leaf(key: MessageKey | undefined, rest: string[], fallback: string): string[] {
  if (!key) return [fallback, ...rest]
  const [language, ...more] = rest
  if (t(key).includes('{language}')) return [t(key, { language: language ?? '' }), ...more]
  return [t(key), ...rest]
}

/** A list index as "line N" (hosts, languages: one per line in the form). */
function lines(rest: string[]): string[] {
  const [index, ...more] = rest
  return index === undefined ? [] : [t('label.line', { number: Number(index) + 1 }), ...more]
}

function purposeLabel(config: SiteConfig, index: number, rest: string[]): string[] {
  const purpose = config.purposes[index]
  const name = purpose ? localText(purpose.name, config.defaultLanguage, purpose.key) : ''
  const head = t('label.purpose', { number: index + 1, name: name || '—' })
  if (rest.length === 0) return [head]
  return [head, ...leaf(PURPOSE_FIELDS[rest[0]!], rest.slice(1), rest[0]!)]
}

function vendorLabel(config: SiteConfig, index: number, rest: string[]): string[] {
  const vendor = config.vendors[index]
  const head = t('label.vendor', { number: index + 1, name: vendor?.name || vendor?.key || '—' })
  const [field, ...more] = rest
  if (field === undefined) return [head]
  if (field === 'hosts' || field === 'purposes') return [head, t(VENDOR_FIELDS[field]!), ...lines(more)]
  if (field === 'cookies' && more.length > 0) {
    const cookieIndex = Number(more[0])
    const cookie = vendor?.cookies[cookieIndex]
    const cookieHead = t('label.cookie', { number: cookieIndex + 1, name: cookie?.name || '—' })
    const [cookieField, ...after] = more.slice(1)
    if (cookieField === undefined) return [head, cookieHead]
    return [head, cookieHead, ...leaf(COOKIE_FIELDS[cookieField], after, cookieField)]
  }
  return [head, ...leaf(VENDOR_FIELDS[field], more, field)]
}

function regionLabel(config: SiteConfig, index: number, rest: string[]): string[] {
  const rule = config.regions?.[index]
  const head = t('label.region', { number: index + 1, name: rule?.key || '—' })
  const [field, item, ...more] = rest
  if (field === undefined) return [head]
  const label = REGION_FIELDS[field] ? t(REGION_FIELDS[field]) : field
  if (item === undefined) return [head, label]
  // A code or purpose in the list, shown as the owner typed or ticked it.
  const value = field === 'match' || field === 'optInPurposes' ? rule?.[field]?.[Number(item)] : undefined
  return [head, label, value ?? item, ...more]
}

function lookLabel(rest: string[]): string[] {
  const [group, field, ...more] = rest
  if (group === 'colors' && field) return [t('label.colors'), t(`look.color.${field}` as MessageKey), ...more]
  const key = `look.${group}` as MessageKey
  return group && t(key) !== key ? [t(key), ...(field ? [field, ...more] : [])] : rest
}

/**
 * The label a person sees for a draft field given by its dotted path, e.g. `vendors.2.hosts.0` →
 * "Vendor 3 (Microsoft Clarity) › Script and iframe hosts › line 1". Unknown paths are returned as they are.
 */
export function fieldLabel(path: string, config: SiteConfig | null): string {
  const [head, ...rest] = path.split('.')
  if (!head) return path
  const index = Number(rest[0])
  let parts: string[]
  if (config && head === 'purposes' && Number.isInteger(index))
    parts = purposeLabel(config, index, rest.slice(1))
  else if (config && head === 'vendors' && Number.isInteger(index))
    parts = vendorLabel(config, index, rest.slice(1))
  else if (config && head === 'regions' && Number.isInteger(index))
    parts = regionLabel(config, index, rest.slice(1))
  else if (head === 'texts' && rest.length > 0) {
    const [language, field, ...more] = rest
    const text = field ? [t(`look.text.${field}` as MessageKey), ...more] : []
    parts = [t('look.texts', { language: language! }), ...text]
  } else if (head === 'look') parts = [t('look.appearance'), ...lookLabel(rest)]
  else if (head === 'options' && rest[0]) parts = [t(`options.${rest[0]}` as MessageKey), ...rest.slice(1)]
  else if (head === 'languages') parts = [t('sites.languages'), ...lines(rest)]
  else if (TOP_FIELDS[head]) parts = leaf(TOP_FIELDS[head], rest, head)
  else return path
  return parts.join(SEPARATOR)
}
