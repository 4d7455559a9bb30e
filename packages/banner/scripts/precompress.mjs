// Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) beside each built asset, so the server
// sends them as they are (Hono serveStatic `precompressed`) instead of compressing on every request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** Precompresses every `.js` file in `folder`; returns how many. */
export function precompress(folder) {
  const files = readdirSync(folder).filter((name) => name.endsWith('.js'))
  for (const name of files) {
    const bytes = readFileSync(join(folder, name))
    const params = {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    }
    writeFileSync(join(folder, `${name}.br`), brotliCompressSync(bytes, { params }))
    writeFileSync(join(folder, `${name}.gz`), gzipSync(bytes, { level: 9 }))
  }
  return files.length
}
