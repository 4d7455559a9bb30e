import { useEffect } from 'preact/hooks'

/** Sets the document title for the page shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Torii`
  }, [title])
}
