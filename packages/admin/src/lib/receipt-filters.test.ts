import { afterAll, describe, expect, it } from 'vitest'
import { formatTime, setUiLanguage } from '../i18n/index.ts'
import { toReceiptQuery } from './receipt-filters.ts'

// A DPO in Tokyo (the first customer). Each test file runs in its own process, so this stays here.
const zone = process.env.TZ
process.env.TZ = 'Asia/Tokyo'
afterAll(() => {
  process.env.TZ = zone
})

describe('receipt search in the admin’s time zone', () => {
  it('should search the day picked in Tokyo, not the UTC day the list does not show', () => {
    const query = toReceiptQuery({
      from: '2026-11-26',
      to: '2026-11-26',
      action: '',
      purpose: '',
      consentId: '',
    })
    // 2026-11-26 00:00 JST to 2026-11-27 00:00 JST.
    expect(query.from).toBe('2026-11-25T15:00:00.000Z')
    expect(query.to).toBe('2026-11-26T15:00:00.000Z')
  })

  it('should drop a date that is not YYYY-MM-DD', () => {
    const query = toReceiptQuery({
      from: '26/11/2026',
      to: '2026-13-45x',
      action: '',
      purpose: '',
      consentId: '',
    })
    expect(query.from).toBeUndefined()
    expect(query.to).toBeUndefined()
  })

  it('should show a receipt time with its zone, on the day the search means', () => {
    setUiLanguage('en')
    expect(formatTime('2026-11-25T16:41:44Z')).toBe('26 Nov 2026, 01:41:44 GMT+9')
    setUiLanguage('ja')
    expect(formatTime('2026-11-25T16:41:44Z')).toBe('2026/11/26 1:41:44 JST')
  })
})
