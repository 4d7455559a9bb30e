import type { SiteConfig } from '@torii/schema/site-config'
import type { UiContext } from '../gate/types.ts'
import { decideKeys } from './decide.ts'

/** Blocked iframes with their stand-ins. */
const shown = new Map<Element, HTMLElement>()

/**
 * Shows an accessible stand-in before a blocked iframe: a real button that allows its vendor (or its
 * purposes). Lives in the UI chunk (loaded only on pages with a blocked iframe); sized through the
 * CSSOM, which a strict CSP allows (no style attribute in markup).
 */
export function showPlaceholder(ctx: UiContext, config: SiteConfig, frame: Element): void {
  const lang = ctx.lang || ''
  const f = frame as HTMLIFrameElement
  if (shown.has(f) || !f.parentNode || !f.hasAttribute('data-src')) return
  // What it allows: its vendor, else the purposes it names.
  const vendor = f.getAttribute('data-vendor')
  const keys = vendor ? [vendor] : (f.getAttribute('data-purpose') || '').split(/[\s,]+/).filter(Boolean)
  const name = config.vendors.find((v) => v.key == keys[0])?.name || keys.join(', ')
  const box = document.createElement('div')
  const button = box.appendChild(document.createElement('button'))
  box.className = 'torii-placeholder'
  button.type = 'button'
  button.textContent = lang.startsWith('ja') ? `${name}を許可する` : `Allow ${name}`
  button.onclick = () => decideKeys(ctx, keys, true).catch(() => {})
  box.style.cssText = `display:flex;align-items:center;justify-content:center;box-sizing:border-box;border:1px solid;min-height:${f.height || 150}px;max-width:100%;width:${f.width ? f.width + 'px' : '100%'}`
  button.style.cssText = 'min-height:44px;padding:0 16px;font:inherit'
  f.before(box)
  f.hidden = true
  shown.set(f, box)
}

/** Removes the stand-ins of iframes the gate revived (they have their src now). */
export function dropPlaceholders(): void {
  for (const [frame, box] of shown)
    if (!frame.hasAttribute('data-src')) {
      box.remove()
      ;(frame as HTMLElement).hidden = false
      shown.delete(frame)
    }
}
