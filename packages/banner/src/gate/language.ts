/** The site language to show: `<html lang>`, then the browser's languages, then the site default. */
export function pickLanguage(languages: string[], fallback: string): string {
  const wanted = [document.documentElement.lang, ...(navigator.languages || [])]
  for (const tag of wanted) {
    if (!tag) continue
    const lower = tag.toLowerCase()
    const hit =
      languages.find((l) => l.toLowerCase() == lower) ||
      languages.find((l) => l.toLowerCase() == lower.split('-')[0])
    if (hit) return hit
  }
  return fallback
}
