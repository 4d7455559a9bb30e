import type { SiteConfig } from '@torii/schema/site-config'
import { type StandInTexts, standInTexts } from './texts/stand-in.ts'

/**
 * Shows an accessible stand-in before a blocked iframe: what allowing it grants, and a real button that
 * calls `allow` with its vendor (or its purposes); answers the stand-in, or nothing when the iframe is no
 * longer blocked. A chunk of its own, imported by the UI only on pages with a blocked iframe, so a first
 * visit does not pay for it; it imports nothing the UI chunk imports, so no module is shared with it (that
 * would build a third chunk). Sized through the CSSOM, which a strict CSP allows (no style attribute in
 * markup). `chunk`: the texts of the language's chunk, when it has one (src/ui/texts/chunks/).
 */
export function showPlaceholder(
  config: SiteConfig,
  lang: string,
  frame: Element,
  allow: (keys: string[]) => void,
  chunk?: StandInTexts
): HTMLElement | undefined {
  const f = frame as HTMLIFrameElement
  if (!f.parentNode || !f.hasAttribute('data-src')) return
  // What it allows: its vendor, else the purposes it names.
  const vendor = f.getAttribute('data-vendor')
  const keys = vendor ? [vendor] : (f.getAttribute('data-purpose') || '').split(/[\s,]+/).filter(Boolean)
  const ja = lang.startsWith('ja')
  const t = chunk || standInTexts(lang)
  const v = config.vendors.find((x) => x.key == keys[0])
  const name = v?.name || keys.join(', ')
  // Allowing a vendor grants the purposes it needs: said before the button, by the names the banner uses.
  const names = (v ? v.purposes : keys).map((k) => {
    const n = config.purposes.find((p) => p.key == k)?.name || {}
    return n[lang] ?? n[lang.split('-')[0]!] ?? Object.values(n)[0] ?? k
  })
  // The chunk's languages list them as each writes a list ("A und B", "A和B").
  const purposes = chunk ? new Intl.ListFormat(lang).format(names) : names.join(ja ? '、' : ', ')
  const box = document.createElement('div')
  box.appendChild(document.createElement('p')).textContent = t.allowsAlso(purposes)
  const button = box.appendChild(document.createElement('button'))
  box.className = 'torii-placeholder'
  button.type = 'button'
  button.textContent = t.allow(name)
  button.onclick = () => allow(keys)
  box.style.cssText = `display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;box-sizing:border-box;border:1px solid;min-height:${f.height || 150}px;max-width:100%;width:${f.width ? f.width + 'px' : '100%'}`
  button.style.cssText = 'min-height:44px;padding:0 16px;font:inherit'
  f.before(box)
  f.hidden = true
  return box
}
