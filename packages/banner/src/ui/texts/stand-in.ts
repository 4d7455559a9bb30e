/**
 * The iframe stand-in's built-in texts (src/ui/placeholder.ts): English and Japanese travel in its chunk,
 * the other languages' in their language chunk, which the UI hands it.
 */
const EN = {
  allow: (name: string) => `Allow ${name}`,
  /** Names the purposes allowing the iframe's vendor grants too. */
  allowsAlso: (purposes: string) => `Allowing it also allows: ${purposes}.`,
}

export type StandInTexts = typeof EN

const JA: StandInTexts = {
  allow: (name) => `${name}を許可する`,
  allowsAlso: (purposes) => `許可すると「${purposes}」にも同意します。`,
}

/** The stand-in's texts for `lang`: Japanese, else English. */
export const standInTexts = (lang: string): StandInTexts => (lang.startsWith('ja') ? JA : EN)
