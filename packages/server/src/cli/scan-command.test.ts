import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { captureIo } from '../testing/capture-io.ts'
import { runCli } from './main.ts'

// The scan itself runs in real Chromium against the fixture site: e2e/scan.test.ts, e2e/scan-bad-input.test.ts.

const savedChromium = process.env.TORII_CHROMIUM
afterEach(() => {
  if (savedChromium === undefined) delete process.env.TORII_CHROMIUM
  else process.env.TORII_CHROMIUM = savedChromium
})

describe('torii scan arguments', () => {
  it.each([
    [[], 'expected one FILE, got 0'],
    [['ftp://example.com/'], 'URL must be http(s), not ftp:'],
    [['example.com'], 'URL "example.com" is not an absolute URL'],
    [['https://example.com/', '--pages', 'ten'], '--pages "ten" is not a number'],
    [['https://example.com/', '--pages', '0'], 'pages must be a whole number from 1 to 500, not 0'],
    [['https://example.com/', '--max-time', '0'], 'max time must be a positive number of seconds, not 0'],
    [['https://example.com/', '--max-time', '1e3'], '--max-time "1e3" is not a number'],
    [['https://example.com/', '--json', '/no/such/folder/report.json'], '--json: no folder /no/such/folder'],
    [['https://example.com/', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j with exit 2, naming what is wrong', async (args, message) => {
    const { io, err } = captureIo()
    expect(await runCli(['scan', ...args], io)).toBe(2)
    expect(err.join('\n')).toContain(message)
    expect(err.join('\n')).toContain('scan URL [--pages N]')
  })

  it('refuses a --site the database does not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'torii-scan-cli-'))
    try {
      const { io, err } = captureIo('long enough pass\n')
      expect(
        await runCli(
          ['admin', 'create', '--email', 'a@example.com', '--password-stdin', '--db', `file:${dir}/t.db`],
          io
        )
      ).toBe(0)
      expect(
        await runCli(['scan', 'https://example.com/', '--site', 'nope', '--db', `file:${dir}/t.db`], io)
      ).toBe(2)
      expect(err.join('\n')).toContain('--site: no published site "nope"')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says what to install when Chromium is missing, exit 1', async () => {
    process.env.TORII_CHROMIUM = '/nonexistent/chromium'
    const { io, err } = captureIo()
    expect(await runCli(['scan', 'https://example.com/'], io)).toBe(1)
    expect(err.join('\n')).toMatch(
      /^torii scan: Chromium is not installed at \/nonexistent\/chromium: install it \(apt-get install -y chromium\)/
    )
  })
})
