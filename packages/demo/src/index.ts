import { fileURLToPath } from 'node:url'

/** The folder of the demo site's static pages, served at `/demo/`. */
export const DEMO_SITE_DIR = fileURLToPath(new URL('../site/', import.meta.url))
