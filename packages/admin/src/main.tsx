import { render } from 'preact'
import { App } from './app.tsx'
import { syncDocumentLanguage } from './i18n/index.ts'
import './styles.css'

syncDocumentLanguage()
render(<App />, document.getElementById('app')!)
