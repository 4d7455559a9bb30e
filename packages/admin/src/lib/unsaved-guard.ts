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

/**
 * Stops unsaved changes from being lost silently: tab close/reload, in-app links out of the site, and the
 * browser's Back and Forward buttons.
 */
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
  // Where the page is: the router moves by pushState/replaceState, which send no event, so they are
  // followed here (as analytics scripts follow single-page apps).
  const here = () => location.pathname + location.search
  let shown = here()
  const { pushState, replaceState } = history
  const follow =
    (original: typeof pushState): typeof pushState =>
    (...args) => {
      original.apply(history, args)
      shown = here()
    }
  history.pushState = follow(pushState)
  history.replaceState = follow(replaceState)

  function onPopState(event: PopStateEvent) {
    // The address bar already shows the destination; the page still shows `shown`.
    const href = here()
    if (options.isDirty() && options.leaves(href) && !options.confirmLeave()) {
      // Installed before preact-iso's router (see installDraftGuard): it never routes, and the address bar
      // goes back to the page still shown (as a new entry: moving in the history would send another popstate).
      event.stopImmediatePropagation()
      pushState.call(history, history.state, '', shown)
      return
    }
    if (options.isDirty() && options.leaves(href)) options.onLeave()
    shown = href
  }
  addEventListener('beforeunload', onBeforeUnload)
  addEventListener('click', onClick, true)
  addEventListener('popstate', onPopState, true)
  return () => {
    removeEventListener('beforeunload', onBeforeUnload)
    removeEventListener('click', onClick, true)
    removeEventListener('popstate', onPopState, true)
    history.pushState = pushState
    history.replaceState = replaceState
  }
}
