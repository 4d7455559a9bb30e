import { type ParseArgsConfig, parseArgs } from 'node:util'

export const USAGE = `Usage: pnpm torii <command> [options]

Commands:
  verify [--db URL | --file export.ndjson] --vkey VKEY [--vkey VKEY...] [--since CHECKPOINT]
      Check every receipt hash, batch root, chain link and signature (of the database, or of a file from
      export --ledger; a site NDJSON export gets its receipt hashes checked) against the verifier keys given
      out of band: VKEY is a key as /log/vkey serves it, or a file of them (one a line), else TORII_VKEY.
      Never trusts keys in the database or the export. --since: prove by consistency that the log still
      contains a checkpoint saved earlier (with --db). Exits 1 naming the first problem.
  log checkpoint [--out FILE] [--db URL]
      Print (or write byte for byte) the log's latest signed checkpoint, to publish or keep for --since.
  key vkey [--origin ORIGIN] [--key-file FILE] [--db URL]
      Print the verifier keys of the key file (current first, then retired) to pin and publish; the origin is
      --origin, else TORII_LOG_ORIGIN, else derived from TORII_PUBLIC_URL.
  key rotate [--key-file FILE] [--db URL]
      Put a new signing key in the key file, keeping the old public keys for verification; restart the
      servers after. The key file is --key-file, else TORII_SIGNING_KEY_FILE, else beside the database.
  export --site ID --format csv|ndjson [--out FILE] [--from DATE] [--to DATE] [--action ACTION]
         [--purpose KEY|!KEY] [--consent-id ID] [--db URL]
      Stream one site's receipts (to stdout without --out).
  export --ledger [--out FILE] [--db URL]
      Stream the whole ledger (receipts, batches, keys) as NDJSON: the file verify --file checks.
  admin create --email EMAIL [--role admin|viewer|member] [--password-stdin] [--db URL]
      Create an admin user. The password is asked for on the terminal (not echoed), or read from stdin's
      first line with --password-stdin, or taken from TORII_ADMIN_PASSWORD; never from the command line.
  backup --out FILE [--db URL]
      Write a consistent snapshot of the whole database (sites, drafts, revisions, users, receipts, log,
      checkpoints) while the server runs; it prints the log head it holds. The signing key is not in it:
      back up the key file separately. docs/production.md
  restore FILE --db URL
      Copy a backup into an empty database (refused, naming its tables, when it holds any row); sessions
      are not restored. Put the key file back beside it before starting the server.
  config pull --site ID [--out FILE] [--db URL | --url URL]
      Print (or write) the site's draft as JSON.
  config push --site ID FILE [--yes] [--publish [--note TEXT]] [--db URL | --url URL]
      Check FILE against the config schema (errors name the path), show its changes against the current
      draft, ask (unless --yes), save it as the draft; --publish then publishes it. With --url, talk to a
      running server with the API token in TORII_API_TOKEN (pull: a viewer token; push: editor).
  verify-proof FILE --vkey VKEY [--vkey VKEY...] [--update [--log-url URL] [--out FILE]]
      Check a receipt's proof bundle (its "Download proof" file) offline against the log's verifier keys
      given out of band (VKEY: the key text, or a file of keys one a line; else TORII_VKEY); exits 1 naming
      the check that failed. --update first carries it to the log's latest checkpoint (fetched from URL,
      else the bundle's logUrl) and writes it back (or to --out). docs/checking-a-receipt.md
  scan URL [--pages N] [--max-time S] [--json FILE] [--site ID [--db URL]] [--fail-on-violation]
      Crawl the site (its sitemap, then same-site links; at most N pages, default 10, and S seconds,
      default 300) in headless Chromium (/usr/bin/chromium, else TORII_CHROMIUM), each page as a fresh
      visitor and, where Torii is on it, after Reject all and after Accept all. Prints violations (cookies
      and vendor requests before a choice or after Reject all), undeclared vendors with their catalog entry,
      declared vendors never seen, and the cookie table; --json writes the report (stable: one timestamp,
      scannedAt). --site compares with that site's published config. Exits 1 when no page could be
      scanned, or with --fail-on-violation when there are violations.

The database is --db, else TORII_DB_URL, else file:./data/torii.db.
Exit codes: 0 ok, 1 verification failed or runtime error, 2 bad arguments.`

/** Bad command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** `parseArgs` with errors turned into `UsageError`s that name the argument. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional.*$/s, '')
    throw new UsageError(message)
  }
}

/** `parse` for a command that takes one FILE argument besides its options. */
export function parseWithFile<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>
  >
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (parsed.positionals.length !== 1) {
    throw new UsageError(`expected one FILE, got ${parsed.positionals.length}`)
  }
  return { values: parsed.values, file: parsed.positionals[0] }
}
