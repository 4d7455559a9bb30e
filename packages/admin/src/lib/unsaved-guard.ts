export interface UnsavedGuardOptions {
  /** True while there are unsaved changes. */
  isDirty: () => boolean
  /** True when following this in-app link would drop the working draft. */
  leaves: (href: string) => boolean
  /** Asks the admin; true means leave anyway. */
  confirmLeave: () => boolean
  /** Called when the admin chose to leave, to drop the changes. */
  onLeave: () => void
}

/** Stops unsaved changes from being lost silently: tab close/reload and in-app links out of the site. */
export function installUnsavedGuard(options: UnsavedGuardOptions): () => void {
  function onBeforeUnload(event: BeforeUnloadEvent) {
    if (!options.isDirty()) return
    event.preventDefault()
    // Older browsers need returnValue set to show the prompt.
    event.returnValue = ''
  }
  function onClick(event: MouseEvent) {
    if (!options.isDirty() || event.defaultPrevented || event.button !== 0) return
    const link = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement)
    if (!link?.href || link.target === '_blank' || link.download) return
    const url = new URL(link.href, location.href)
    if (url.origin !== location.origin) return
    const href = url.pathname + url.search
    if (!options.leaves(href)) return
    if (options.confirmLeave()) {
      options.onLeave()
      return
    }
    // Capture phase on window: stop preact-iso's router from seeing this click.
    event.preventDefault()
    event.stopImmediatePropagation()
  }
  addEventListener('beforeunload', onBeforeUnload)
  addEventListener('click', onClick, true)
  return () => {
    removeEventListener('beforeunload', onBeforeUnload)
    removeEventListener('click', onClick, true)
  }
}
