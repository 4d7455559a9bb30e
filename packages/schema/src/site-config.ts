import { z } from 'zod'
import { CONSENT_TYPES } from './consent-mode.ts'
import { HOST_PATTERN } from './host-pattern.ts'
import { keySchema } from './key.ts'
import { languageSchema, localizedSchema } from './language.ts'
import { regionPurposesIssues, regionsSchema } from './regions/region-rules.ts'

export { keySchema }

/**
 * A URL pattern a vendor's scripts and iframes come from (host-pattern.ts): a host, `*.example.com` for it and
 * any subdomain, optionally followed by a path prefix (`www.googletagmanager.com/gtm.js`).
 */
export const hostSchema = z
  .string()
  .regex(
    HOST_PATTERN,
    'must be a host name such as "www.example.com" or "*.example.com", optionally followed by a path such as "/gtm.js"'
  )

/** An absolute http(s) URL (vendor links). */
export const httpUrlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })

/** A path on the customer's own site, e.g. `/privacy`; not `//host` (protocol-relative), no spaces or `\`. */
const SITE_PATH = /^\/(?![/\\])[^\s\\]*$/

/**
 * A link the banner renders into `<a href>` on the customer's page: an http(s) URL or a path on the site
 * (`/privacy`), never `javascript:`, `data:` or another scheme. An empty string means no link.
 */
export const linkUrlSchema = z
  .string()
  .max(4000)
  .refine(
    (value) => value === '' || SITE_PATH.test(value) || httpUrlSchema.safeParse(value).success,
    'must be an http(s) URL or a path starting with /'
  )

export const purposeSchema = z.object({
  key: keySchema,
  /** Required purposes are shown locked on and never asked (e.g. `necessary`). */
  required: z.boolean().default(false),
  /** Consent Mode types granted when this purpose is granted. */
  consentTypes: z.array(z.enum(CONSENT_TYPES)).default([]),
  /** A sale/sharing purpose: denied without asking when the browser sends Global Privacy Control. */
  gpcDenies: z.boolean().default(false),
  name: localizedSchema,
  description: localizedSchema,
})

export const vendorCookieSchema = z.object({
  /** Cookie name; a trailing `*` matches a prefix (`_ga_*`). Deleted on withdrawal when first-party. */
  name: z.string().regex(/^[A-Za-z0-9_.-]+\*?$/, 'must be a cookie name, optionally ending in *'),
  /** How long it lives, in words per language ("2 years", "2年"). */
  retention: localizedSchema,
  description: localizedSchema.default({}),
})

export const vendorSchema = z.object({
  key: keySchema,
  name: z.string().min(1).max(200),
  /** The purposes this vendor acts for; a vendor's tags need all of them granted. */
  purposes: z.array(keySchema).min(1, 'a vendor needs at least one purpose'),
  /** URL patterns (host, optionally a path prefix) whose scripts and iframes are held until this vendor is granted (auto-blocking). */
  hosts: z.array(hostSchema).default([]),
  cookies: z.array(vendorCookieSchema).default([]),
  privacyPolicyUrl: httpUrlSchema,
  optOutUrl: httpUrlSchema.optional(),
  /** Disclosure (Japan's external transmission rule, JP-02): who receives the data. */
  recipient: localizedSchema,
  /** Disclosure: what information is sent. */
  dataSent: localizedSchema,
  /** Disclosure: what the recipient uses it for. */
  use: localizedSchema,
})

/** Texts a site may override per language; the banner has defaults for each in 30 languages (its src/ui/texts/). */
export const bannerTextsSchema = z
  .object({
    title: z.string().max(200),
    description: z.string().max(2000),
    acceptAll: z.string().max(60),
    rejectAll: z.string().max(60),
    customize: z.string().max(60),
    save: z.string().max(60),
    close: z.string().max(60),
    preferencesTitle: z.string().max(200),
    preferencesDescription: z.string().max(2000),
    privacyPolicy: z.string().max(100),
    vendorList: z.string().max(100),
    /** The opt-out regions' persistent link (US sites may write "Do Not Sell or Share My Personal Information"). */
    privacyChoices: z.string().max(100),
    /** The notice regions' one-time notice: its title, its text, the disclosure link and the dismiss button. */
    noticeTitle: z.string().max(200),
    noticeDescription: z.string().max(2000),
    disclosure: z.string().max(100),
    ok: z.string().max(60),
  })
  .partial()

export const POSITIONS = ['bottom', 'bottom-left', 'bottom-right', 'top', 'center'] as const

const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c')

export const lookSchema = z.object({
  position: z.enum(POSITIONS).default('bottom'),
  layout: z.enum(['bar', 'box']).default('bar'),
  colors: z
    .object({
      background: colorSchema.default('#ffffff'),
      text: colorSchema.default('#1f2328'),
      accent: colorSchema.default('#b3261e'),
      accentText: colorSchema.default('#ffffff'),
    })
    .prefault({}),
  /** A small always-visible button to reopen preferences (withdrawal as easy as consent). */
  floatingButton: z.boolean().default(true),
})

export const DAY_MS = 86_400_000
/** 13 months: the longest a consent may last (CNIL, TCF reminders). */
export const MAX_CONSENT_DAYS = 395

export const optionsSchema = z.object({
  consentDays: z.number().int().min(1).max(MAX_CONSENT_DAYS).default(MAX_CONSENT_DAYS),
  refusalDays: z.number().int().min(1).max(MAX_CONSENT_DAYS).default(183),
  /** Share the choice across subdomains, e.g. `example.com`; empty keeps the cookie on the host. */
  cookieDomain: z
    .string()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain such as example.com')
    .optional(),
  /** `basic`: no Google tag loads before consent (default). `advanced`: tags load with denied defaults. */
  consentMode: z.enum(['basic', 'advanced']).default('basic'),
  waitForUpdateMs: z.number().int().min(0).max(10_000).default(500),
  adsDataRedaction: z.boolean().default(true),
  urlPassthrough: z.boolean().default(false),
})

export const siteConfigSchema = z
  .object({
    languages: z.array(languageSchema).min(1, 'at least one language'),
    defaultLanguage: languageSchema,
    /** The site's privacy policy per language, linked from the banner. */
    privacyPolicyUrl: z.record(languageSchema, linkUrlSchema).default({}),
    purposes: z.array(purposeSchema).min(1, 'at least one purpose'),
    vendors: z.array(vendorSchema).default([]),
    texts: z.record(languageSchema, bannerTextsSchema).default({}),
    look: lookSchema.prefault({}),
    options: optionsSchema.prefault({}),
    /**
     * The consent model per visitor jurisdiction (docs/regions.md). Absent: opt-in everywhere. Optional with no
     * default, so a config without it keeps its canonical JSON and its revision hash.
     */
    regions: regionsSchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (!config.languages.includes(config.defaultLanguage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLanguage'],
        message: 'must be one of the site languages',
      })
    }
    const purposeKeys = new Set<string>()
    config.purposes.forEach((purpose, i) => {
      if (purposeKeys.has(purpose.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['purposes', i, 'key'],
          message: `duplicate purpose "${purpose.key}"`,
        })
      }
      purposeKeys.add(purpose.key)
      for (const language of config.languages) {
        if (!purpose.name[language]?.trim()) {
          ctx.addIssue({ code: 'custom', path: ['purposes', i, 'name', language], message: 'is required' })
        }
      }
    })
    const vendorKeys = new Set<string>()
    config.vendors.forEach((vendor, i) => {
      if (vendorKeys.has(vendor.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['vendors', i, 'key'],
          message: `duplicate vendor "${vendor.key}"`,
        })
      }
      vendorKeys.add(vendor.key)
      vendor.purposes.forEach((key, j) => {
        if (!purposeKeys.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['vendors', i, 'purposes', j],
            message: `unknown purpose "${key}"`,
          })
        }
      })
    })
    for (const issue of regionPurposesIssues(config.regions ?? [], config.purposes)) {
      ctx.addIssue({ code: 'custom', path: ['regions', ...issue.path], message: issue.message })
    }
  })

export type Purpose = z.infer<typeof purposeSchema>
export type Vendor = z.infer<typeof vendorSchema>
export type VendorCookie = z.infer<typeof vendorCookieSchema>
export type BannerTexts = z.infer<typeof bannerTextsSchema>
export type Look = z.infer<typeof lookSchema>
export type SiteOptions = z.infer<typeof optionsSchema>
/** A site's config as stored and served (defaults applied). */
export type SiteConfig = z.infer<typeof siteConfigSchema>
/** A site's config as written by a person (defaults may be left out). */
export type SiteConfigInput = z.input<typeof siteConfigSchema>
