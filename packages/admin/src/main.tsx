import { render } from 'preact'
import { App, installDraftGuard } from './app.tsx'
import { syncDocumentLanguage } from './i18n/index.ts'
import './styles.css'

syncDocumentLanguage()
installDraftGuard()
render(<App />, document.getElementById('app')!)
