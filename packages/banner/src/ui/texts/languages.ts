/**
 * The languages with built-in texts: English and Japanese in the UI chunk, each other one a chunk of its
 * own (src/ui/texts/chunks/<code>.ts, built by scripts/build.mjs), imported for the visitor's language only.
 */
// One string: ~40 B gzip less in the UI chunk than an array literal.
export const CHUNKED_LANGUAGES =
  'bg cs da de el es et fi fr ga hr hu is it ko lt lv mt nb nl pl pt ro sk sl sv zh-Hans zh-Hant'.split(' ')
export const BUILT_IN_LANGUAGES = ['en', 'ja', ...CHUNKED_LANGUAGES]

/**
 * The built-in texts' language for a BCP 47 tag (case-insensitive), undefined when there are none: its
 * primary subtag (`pt-BR` -> `pt`), Norwegian `no` and Nynorsk `nn` as Bokmål `nb`, Chinese by its script
 * subtag, else by its region (`zh-TW`, `zh-HK`, `zh-MO`: `zh-Hant`; `zh`, `zh-CN`, `zh-SG`: `zh-Hans`).
 */
export function textsLanguage(tag: string): string | undefined {
  const t = tag.toLowerCase()
  const code = /^zh\b/.test(t)
    ? /-hant\b|^(?!.*-hans\b).*-(tw|hk|mo)\b/.test(t)
      ? 'zh-Hant'
      : 'zh-Hans'
    : /^n[no]\b/.test(t)
      ? 'nb'
      : t.split('-')[0]
  return BUILT_IN_LANGUAGES.includes(code) ? code : undefined
}
