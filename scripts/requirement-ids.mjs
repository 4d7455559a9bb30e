// Checks that every requirement id cited in the repository (comments, test names, READMEs) is listed in
// docs/requirements.md, and names the listed ids that nothing cites any more. Run by `pnpm lint`.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const LIST = 'docs/requirements.md'
/** The areas of the standards checklist; other `XX-00` strings (UTC-11, UTF-8, SHA-256) are not ids. */
const CITATION = /\b(GCM|TCF|GPP|GPC|REC|UI|JP|A11Y)-(\d{2})((?:(?:\/|\.\.)\d{2})*)\b/g

/**
 * `JP-01` to `JP-47` are also the ISO 3166-2 codes of Japan's prefectures (region rules, docs/regions.md). Those
 * are always written quoted, as a string or in backticks (`'JP-13'`); a requirement id never is.
 */
function isPrefectureCode(line, match) {
  const before = line[match.index - 1]
  const after = line[match.index + match[0].length]
  return match[1] === 'JP' && before !== undefined && `'"\``.includes(before) && before === after
}

/** The ids one citation names: `GCM-05/06` is GCM-05 and GCM-06, `UI-01..03` is UI-01 to UI-03. */
function idsOf([, area, first, rest]) {
  const ids = [`${area}-${first}`]
  for (const [, separator, number] of rest.matchAll(/(\/|\.\.)(\d{2})/g)) {
    const from = separator === '..' ? Number(ids.at(-1).slice(area.length + 1)) + 1 : Number(number)
    for (let n = from; n <= Number(number); n++) ids.push(`${area}-${String(n).padStart(2, '0')}`)
  }
  return ids
}

const listed = new Set(
  [
    ...readFileSync(new URL(`../${LIST}`, import.meta.url), 'utf8').matchAll(/^\| ([A-Z0-9]+-\d{2}) +\|/gm),
  ].map((match) => match[1])
)
const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file && ![LIST, 'scripts/requirement-ids.mjs', 'pnpm-lock.yaml'].includes(file))

const cited = new Set()
const unknown = []
for (const file of files) {
  let text
  try {
    text = readFileSync(`${ROOT}/${file}`, 'utf8')
  } catch {
    continue // listed by git but deleted in the work tree
  }
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(CITATION)) {
      if (isPrefectureCode(line, match)) continue
      for (const id of idsOf(match)) {
        cited.add(id)
        if (!listed.has(id)) unknown.push(`${file}:${index + 1}: ${id} (in "${match[0]}")`)
      }
    }
  })
}

const uncited = [...listed].filter((id) => !cited.has(id))
if (uncited.length > 0) console.warn(`${LIST} lists ids nothing cites any more: ${uncited.join(', ')}`)
if (unknown.length > 0) {
  console.error(`Requirement ids cited but not listed in ${LIST} (add them there, or fix the citation):`)
  for (const line of unknown) console.error(`  ${line}`)
  process.exit(1)
}
console.log(`${cited.size} requirement ids cited, all listed in ${LIST}.`)
