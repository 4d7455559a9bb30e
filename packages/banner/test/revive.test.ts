import { describe, expect, it } from 'vitest'
import { createReviver } from '../src/gate/revive.ts'

describe('reviving declarative tags', () => {
  // happy-dom does not execute re-inserted scripts; that they run is proven in Chromium (e2e/banner-*.test.ts).
  it('should revive inert inline scripts in place, in order, once, with the gate nonce', () => {
    document.body.innerHTML = `
      <script type="text/plain" data-purpose="analytics" id="a">(window.order ||= []).push('a')</script>
      <p id="between"></p>
      <script type="text/plain" data-purpose="analytics" id="b">(window.order ||= []).push('b')</script>`
    const revive = createReviver('n0nce')
    const a = document.getElementById('a')!
    const b = document.getElementById('b')!
    revive(a)
    revive(b)
    revive(a)
    expect([a, b].map((el) => el.hasAttribute('type'))).toEqual([false, false])
    expect(a.getAttribute('type')).toBeNull()
    expect(a.nonce).toBe('n0nce')
    expect(a.nextElementSibling?.id).toBe('between') // still in place
  })

  it('should restore an authored data-type and move data-src into src for iframes', () => {
    document.body.innerHTML = `<script type="text/plain" data-type="text/javascript" data-purpose="x" id="c">1</script>
      <iframe data-src="about:blank#allowed" data-purpose="x" id="f"></iframe>`
    const revive = createReviver('')
    revive(document.getElementById('c')!)
    expect(document.getElementById('c')!.getAttribute('type')).toBe('text/javascript')
    revive(document.getElementById('f')!)
    expect(document.getElementById('f')!.getAttribute('src')).toBe('about:blank#allowed')
    expect(document.getElementById('f')!.hasAttribute('data-src')).toBe(false)
  })
})
