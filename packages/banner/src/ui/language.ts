/** The site language to show: `<html lang>`, then the browser's languages (exact tag, then primary), else the default. */
export function pickLanguage(languages: string[], fallback: string): string {
  for (const tag of [document.documentElement.lang, ...navigator.languages]) {
    const t = tag.toLowerCase()
    const hit = languages.find((l) => l.toLowerCase() == t) || languages.find((l) => l == t.split('-')[0])
    if (hit) return hit
  }
  return fallback
}
