import type { SiteConfig } from '@torii/schema/site-config'
import type { Choice, Decision, View } from '../gate/types.ts'
import { Banner } from './banner.tsx'
import { Preferences } from './preferences.tsx'
import { textsFor } from './texts/index.ts'

export interface AppProps {
  config: SiteConfig
  lang: string
  gpc: boolean
  choice: Choice | null
  /** A decision is still needed: the first layer stays under the preferences. */
  ask: boolean
  view: View | null
  /** Bumped on every opening, so the preferences start from the stored choice each time. */
  opened: number
  vendors?: boolean
  status: string
  decide(decision: Decision): void
  show(view: View | null, invoker?: Element | null, vendors?: boolean): void
}

/** The whole visitor UI inside the shadow root; `lang` on the root (A11Y-08). */
export function App(props: AppProps) {
  const { config, lang, view, ask, show } = props
  const t = textsFor(config, lang)
  const all = (grant: boolean) => {
    const p: Record<string, boolean> = {}
    const v: Record<string, boolean> = {}
    for (const x of config.purposes) p[x.key] = grant
    for (const x of config.vendors) v[x.key] = grant
    return { p, v }
  }
  return (
    <div class="root" lang={lang}>
      {(view == 'banner' || (view == 'prefs' && ask)) && (
        <Banner
          config={config}
          lang={lang}
          t={t}
          decide={(action) => props.decide({ ...all(action == 'accept-all'), action })}
          customize={(invoker) => show('prefs', invoker, invoker.localName == 'a')}
        />
      )}
      {view == 'prefs' && (
        <Preferences
          key={props.opened}
          config={config}
          lang={lang}
          t={t}
          gpc={props.gpc}
          choice={props.choice}
          vendors={props.vendors}
          save={props.decide}
          close={() => show(ask ? 'banner' : null)}
        />
      )}
      <div class="status" role="status">
        {props.status}
      </div>
    </div>
  )
}
