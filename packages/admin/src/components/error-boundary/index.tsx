import { Component, type ComponentChildren } from 'preact'
import { t } from '../../i18n/index.ts'

interface State {
  error: Error | null
}

/** Shows what went wrong instead of a blank page, with a way to try again. */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  state: State = { error: null }

  componentDidCatch(error: unknown) {
    // Lazy pages throw promises; the router handles those.
    if (error instanceof Promise) throw error
    this.setState({ error: error instanceof Error ? error : new Error(String(error)) })
  }

  render() {
    if (!this.state.error) return this.props.children
    return (
      <div class="notice error" role="alert">
        <p>{t('app.error', { message: this.state.error.message })}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {t('app.retry')}
        </button>
      </div>
    )
  }
}
