// The e2e harness: import everything from './support/index.ts'.
export * from './admin.ts'
export * from './axe.ts'
export * from './banner.ts'
export * from './browser.ts'
export * from './google.ts'
export * from './page-errors.ts'
export * from './server.ts'
export * from './visit.ts'
