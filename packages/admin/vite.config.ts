import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import preact from '@preact/preset-vite'
import { defineConfig } from 'vitest/config'

const ROOT = dirname(fileURLToPath(import.meta.url))
const FALLBACK_PREVIEW = resolve(ROOT, 'src/lib/preview-unavailable.ts')

/** The banner's real preview entry when the banner package exports one; a stub that says so otherwise. */
function resolveBannerPreview(): string {
  const bannerDir = resolve(ROOT, '../banner')
  try {
    const pkg = JSON.parse(readFileSync(resolve(bannerDir, 'package.json'), 'utf8'))
    const entry = pkg.exports?.['./preview']
    const target = typeof entry === 'string' ? entry : (entry?.import ?? entry?.default)
    if (typeof target === 'string' && existsSync(resolve(bannerDir, target)))
      return resolve(bannerDir, target)
  } catch {
    // No banner package yet: fall back below.
  }
  return FALLBACK_PREVIEW
}

export default defineConfig({
  // Served at /admin/ by the server, with the hashed assets at /assets/*.
  base: '/',
  plugins: [preact()],
  resolve: { alias: { 'torii:banner-preview': resolveBannerPreview() } },
  build: { outDir: 'dist', target: 'es2022', reportCompressedSize: true, sourcemap: false },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': process.env.TORII_SERVER ?? 'http://127.0.0.1:8787',
      '/s/': process.env.TORII_SERVER ?? 'http://127.0.0.1:8787',
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
    alias: { 'torii:banner-preview': FALLBACK_PREVIEW },
  },
})
