/** Code-unit order, the same on every machine and locale: what keeps two reports of one site equal. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** `items` deduplicated and in code-unit order. */
export const sortedUnique = (items: Iterable<string>): string[] => [...new Set(items)].sort(compareText)
