// Builds the two bundles the server serves: dist/gate.js (IIFE, no dependencies, the config placeholder
// kept once) and dist/assets/ui-[hash].js (ES module: Preact UI + its CSS as a string), plus manifest.json.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { precompress } from './precompress.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const PLACEHOLDER = '__TORII_CONFIG__'

/**
 * The short names of the gate<->chunk contract (src/shared/contract.ts), one map for both builds so the gate
 * and the chunks agree (Preact's mangle.json does the same). Only the names listed are mangled, to exactly
 * the names listed: no other property (data fields, DOM, Preact's) is touched.
 */
const MANGLE = JSON.parse(readFileSync(join(root, 'mangle.json'), 'utf8')).props
const shortNames = Object.values(MANGLE)
if (new Set(shortNames).size != shortNames.length) throw new Error('mangle.json: a short name is given twice')
for (const name of Object.keys(MANGLE))
  if (!/^\$_[a-zA-Z]/.test(name)) throw new Error(`mangle.json: ${name} must be "$_name" (a \`_\` member)`)
/**
 * The chunks' export names as the map gives them: terser leaves a module's export names alone, and the gate
 * reads the chunk's module namespace by the short names (`m._open(...)` is `m.o(...)` in gate.js).
 */
const renameExports = {
  name: 'torii-rename-exports',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type != 'chunk') continue
      chunk.code = chunk.code.replace(/\bexport\s*\{([^}]*)\}/g, (_, list) => {
        const items = list.split(',').map((item) => {
          const [local, name = local] = item.trim().split(/\s+as\s+/)
          return MANGLE['$' + name] ? `${local} as ${MANGLE['$' + name]}` : item.trim()
        })
        return `export{${items.join(',')}}`
      })
      // Every exported name, not only the last of a list: a `_name` left means mangle.json lacks it.
      const exported = [...chunk.code.matchAll(/\bexport\s*\{([^}]*)\}/g)].flatMap(([, list]) =>
        list.split(',').map((item) =>
          item
            .trim()
            .split(/\s+as\s+/)
            .pop()
        )
      )
      const left = exported.filter((name) => /^_[a-zA-Z]/.test(name))
      if (left.length)
        throw new Error(`${chunk.fileName}: exports missing from mangle.json: ${left.join(', ')}`)
    }
  },
}

/** Terser's property mangling with the map as its cache; a fresh copy for each build (terser fills it in). */
const mangleProperties = () => ({
  properties: { regex: /^_[a-zA-Z]/, only_cache: true },
  nameCache: { props: { props: { ...MANGLE } } },
})
const common = {
  root,
  configFile: false,
  logLevel: 'warn',
}

/**
 * The gates' mangler alphabet in a fixed order. Terser orders it by each character's frequency in the code;
 * this order, found by trying swaps of the first 28 characters (greedy, averaged over four UI and
 * floating-button chunk names, on the notice gate, the largest), gzips every model's gate 8-10 B smaller than
 * the order tuned before regions (measured). Any order is correct (terser skips reserved words); one tuned for
 * the gate as it is, so re-measure after larger changes to the gate.
 */
const GATE_ALPHABET = 'tersiopnacdwyOumxMh_ljbgvkfTHLRzIUECADFS$BNGPVWqJKQXYZ1023456897'
/** Terser's own name generator (`base54`: 54 leading characters, then 64), over `GATE_ALPHABET`. */
const gateNames = {
  get(n) {
    let name = ''
    let base = 54
    n++
    do {
      n--
      name += GATE_ALPHABET[n % base]
      n = Math.floor(n / base)
      base = 64
    } while (n > 0)
    return name
  },
}

/** The gate is paid for on every page view: terser squeezes harder than the default minifier. */
const GATE_TERSER = {
  ecma: 2020,
  toplevel: true,
  // 2 passes, not 3: the third inlines installGuards into the boot, which gzips ~15 B worse (measured).
  // `(function(){...})()` kept as written, not `!function(){...}()`: 3 B less gzip here (measured).
  compress: {
    passes: 2,
    unsafe: true,
    unsafe_arrows: true,
    unsafe_methods: true,
    pure_getters: true,
    negate_iife: false,
    // Object literals kept whole, not split into variables: ~3 B gzip less here (measured).
    hoist_props: false,
    // `x == "a"`, not `"a" == x`: ~6 B gzip less here (measured).
    lhs_constants: false,
  },
  mangle: { properties: mangleProperties().properties, nth_identifier: gateNames },
  nameCache: mangleProperties().nameCache,
  format: { comments: false },
  // Vite turns on terser's Safari 10 workarounds (fewer reused names); Safari 10 is far below our targets.
  safari10: false,
}

/** Where and for which browsers both builds write (ES2022; CSS for the browsers the banner supports). */
const OUTPUT = {
  outDir: dist,
  emptyOutDir: false,
  target: 'es2022',
  cssTarget: ['chrome111', 'firefox115', 'safari16.4'],
}

rmSync(dist, { recursive: true, force: true })

/**
 * Each language's built-in texts (src/ui/texts/chunks/<code>.ts, English and Japanese aside: they are in the
 * UI chunk) as a chunk of its own, which the UI imports for the visitor's language only:
 * `assets/texts-<code>-<hash>.js`, one hash over all of them, so the UI chunk finds each by its code and
 * carries one hash (__TORII_TEXTS__, src/ui/texts/load.ts), not a name per language. Built first: the UI
 * chunk's own hash then covers the texts'.
 */
const TEXTS_DIR = join(root, 'src/ui/texts/chunks')
const languages = readdirSync(TEXTS_DIR).map((f) => f.replace(/\.ts$/, ''))
const textsBuild = await build({
  ...common,
  build: {
    ...OUTPUT,
    write: false,
    minify: 'terser',
    terserOptions: { ecma: 2020, module: true, format: { comments: false } },
    lib: {
      entry: Object.fromEntries(languages.map((l) => [l, join(TEXTS_DIR, `${l}.ts`)])),
      formats: ['es'],
    },
    rollupOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'shared-[name].js' } },
  },
})
const textChunks = [textsBuild].flat()[0].output
if (textChunks.some((o) => !o.isEntry))
  throw new Error(`a language's texts must import nothing: ${textChunks.map((o) => o.fileName)}`)
const textsHash = createHash('sha256')
for (const o of textChunks) textsHash.update(o.code)
const TEXTS_FILE = `texts-*-${textsHash.digest('base64url').slice(0, 6)}.js`
const texts = {}
mkdirSync(join(dist, 'assets'), { recursive: true })
for (const o of textChunks) {
  texts[o.name] = 'assets/' + TEXTS_FILE.replace('*', o.name)
  writeFileSync(join(dist, texts[o.name]), o.code)
}

/**
 * An ES module chunk build: the UI (its preferences, iframe stand-ins and notice chunks beside it), or the
 * floating button. Two builds, not one of two entries: both use the site's config and language (src/ui/site.ts),
 * which one build would put in a third, shared chunk (a request more for every first visit).
 */
const chunkBuild = (entry) =>
  build({
    ...common,
    plugins: [renameExports],
    // One UI chunk for every region model: it reads the model from the gate's config (src/gate/model.ts).
    define: { __TORII_TEXTS__: JSON.stringify('./' + TEXTS_FILE), __TORII_MODEL__: 'null' },
    // Classic h() (no jsx-runtime module in the chunk); the .tsx files import h themselves, so plain
    // .ts modules (the first layer) never pull Preact in.
    oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
    build: {
      ...OUTPUT,
      // The UI chunk counts towards the first visit: the same terser settings, without the top-level
      // mangling that would rename its exports; properties mangled only as mangle.json says.
      minify: 'terser',
      terserOptions: {
        ...GATE_TERSER,
        toplevel: false,
        module: true,
        mangle: { properties: mangleProperties().properties },
        nameCache: mangleProperties().nameCache,
        compress: { passes: 3 },
      },
      cssCodeSplit: false,
      modulePreload: false,
      // Library mode: Vite then adds no preload helper (~500 B gzip) around the preferences' import().
      lib: { entry, formats: ['es'] },
      rollupOptions: {
        preserveEntrySignatures: 'exports-only',
        // src/shared/constants.ts inlined where used, as each chunk's own.
        optimization: { inlineConst: { mode: 'all', pass: 1 } },
        output: {
          format: 'es',
          // 6 base64 characters (36 bits) of content hash, not 8: enough to tell a build's files apart,
          // and the UI and floating button names are bytes in every page view's gate (2 B gzip).
          entryFileNames: 'assets/[name]-[hash:6].js',
          chunkFileNames: 'assets/[name]-[hash:6].js',
        },
      },
    },
  })
const ui = await chunkBuild({ ui: join(root, 'src/ui/index.ts') })
// The floating button (or the opt-out regions' privacy-choices link), loaded for returning visitors.
const fabBuild = await chunkBuild({ fab: join(root, 'src/ui/fab.ts') })
// The notice gate's floating button chunk: the floating button's, and the notice a first visitor gets
// without the UI chunk (which comes when they act on it).
const noticeBuild = await chunkBuild({ 'notice-first': join(root, 'src/ui/notice-first.ts') })

const chunks = [ui, fabBuild, noticeBuild]
  .flatMap((b) => [b].flat()[0].output)
  .filter((o) => o.type == 'chunk')
const entry = chunks.find((o) => o.isEntry && o.name == 'ui')
const fab = chunks.find((o) => o.isEntry && o.name == 'fab')
const noticeFirst = chunks.find((o) => o.isEntry && o.name == 'notice-first')
// The preferences chunk the entry imports when the dialog opens (listed for the size budget).
const prefs = chunks.find((o) => o.facadeModuleId?.endsWith('src/ui/prefs.tsx'))
if (!prefs) throw new Error('the preferences must build as a chunk of their own (src/ui/prefs.tsx)')
// The iframe stand-ins, imported by the UI only on pages with a blocked iframe.
const placeholder = chunks.find((o) => o.facadeModuleId?.endsWith('src/ui/placeholder.ts'))
if (!placeholder)
  throw new Error('the iframe stand-ins must build as a chunk of their own (src/ui/placeholder.ts)')
// The notice, imported by the UI only where a notice-model region's gate shows it.
const notice = chunks.find((o) => o.facadeModuleId?.endsWith('src/ui/notice.ts'))
if (!notice) throw new Error('the notice must build as a chunk of its own (src/ui/notice.ts)')
// torii.accept / torii.reject's keys, imported by the UI on the first such call.
const keys = chunks.find((o) => o.facadeModuleId?.endsWith('src/ui/keys.ts'))
if (!keys) throw new Error("page script's keys must build as a chunk of their own (src/ui/keys.ts)")
// The receipt proofs, imported by the UI after a 201 and when it sends queued receipts.
const proof = chunks.find((o) => o.facadeModuleId?.endsWith('src/ui/proof.ts'))
if (!proof) throw new Error('the receipt proofs must build as a chunk of their own (src/ui/proof.ts)')
const others = chunks
  .filter((o) => ![entry, prefs, fab, noticeFirst, placeholder, notice, keys, proof].includes(o))
  .map((o) => o.fileName)
if (others.length)
  throw new Error(`unexpected chunks: ${others} (a shared chunk would cost the first visit a request)`)

/**
 * `let` for `const` before terser (which keeps `const`), so it joins them with the `let`s: the same
 * scoping, and the gate never reassigns a constant (tsc checks that in the source). ~25 B gzip on every
 * page view. And each top-level `function f(` of the bundle as `var f = function(`: terser then joins them
 * with the `var`s and writes them as arrows (~13 B gzip). The same behaviour as long as no module calls a
 * function of its own before declaring it, at load (the gate's modules only declare; `boot()` runs last,
 * and the bundler orders modules after what they import).
 */
const constToLet = {
  name: 'torii-const-to-let',
  renderChunk: (code) => ({
    code: code.replace(/\bconst\b/g, 'let').replace(/^\tfunction (\w+)\(/gm, '\tvar $1 = function('),
    map: null,
  }),
}

/**
 * One gate per region model (docs/regions.md), each built for its model (`__TORII_MODEL__`,
 * src/gate/model.ts) so it carries no other model's code: the server serves each visitor the gate of
 * their rule's model. The opt-in gate, `gate.js`, is the gate of a site without regions.
 */
const GATES = { 'opt-in': 'gate.js', 'opt-out': 'gate-opt-out.js', notice: 'gate-notice.js' }
for (const [model, fileName] of Object.entries(GATES))
  await build({
    ...common,
    plugins: [constToLet],
    define: {
      // The floating button's chunk, resolved by the gate next to the UI chunk; the notice gate's draws the
      // notice too.
      __TORII_FAB__: JSON.stringify((model == 'notice' ? noticeFirst : fab).fileName.split('/').pop()),
      __TORII_MODEL__: JSON.stringify(model),
    },
    build: {
      ...OUTPUT,
      minify: 'terser',
      terserOptions: GATE_TERSER,
      // src/shared/constants.ts as variables, each once (the chunks inline them; here a repeated string costs).
      rollupOptions: { optimization: { inlineConst: true } },
      lib: {
        entry: join(root, 'src/gate/index.ts'),
        formats: ['iife'],
        name: 'toriiGate',
        fileName: () => fileName,
      },
    },
  })

// `@torii/banner/server` for a site's own Node server (docs/cookie-format.md): plain ES module JS, so Node
// imports it without TypeScript; readable (not minified), the gate's rules bundled in, not copied.
await build({
  ...common,
  // The server code imports the gate's config normalisation; no config is ever inlined there.
  define: { __TORII_CONFIG__: 'undefined', __TORII_MODEL__: 'null' },
  build: {
    ...OUTPUT,
    target: 'node20',
    minify: false,
    lib: { entry: join(root, 'src/server/index.ts'), formats: ['es'], fileName: () => 'server.js' },
  },
})

for (const fileName of Object.values(GATES)) {
  const gate = readFileSync(join(dist, fileName), 'utf8')
  if (/\bconst\b/.test(gate)) throw new Error(`dist/${fileName} must have no const left (see constToLet)`)
  const count = gate.split(PLACEHOLDER).length - 1
  if (count != 1) throw new Error(`dist/${fileName} must contain ${PLACEHOLDER} exactly once, found ${count}`)
  // The inlined config leads the file (src/gate/raw-config.ts, imported first): the code compresses against it.
  if (gate.indexOf(PLACEHOLDER) > 40) throw new Error(`dist/${fileName} must read ${PLACEHOLDER} first`)
  if (/\bimport\s*\(\s*["']/.test(gate))
    throw new Error(`dist/${fileName} must not import other files statically`)
}

writeFileSync(
  join(dist, 'manifest.json'),
  JSON.stringify(
    {
      gate: GATES['opt-in'],
      gates: GATES,
      ui: entry.fileName,
      prefs: prefs.fileName,
      fab: fab.fileName,
      placeholder: placeholder.fileName,
      notice: notice.fileName,
      noticeFirst: noticeFirst.fileName,
      keys: keys.fileName,
      proof: proof.fileName,
      texts,
    },
    null,
    2
  ) + '\n'
)
precompress(join(dist, 'assets'))
console.log(`built dist/gate.js and dist/${entry.fileName} (assets precompressed: .br, .gz)`)
