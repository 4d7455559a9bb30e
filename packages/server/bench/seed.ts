import type { SqlClient } from '../src/db/sql-client.ts'

/**
 * Bulk-inserts `count` receipts for site `xtra` in one statement (a recursive CTE), fast enough to seed a
 * million rows for the export figure. Hashes are random: these rows are for streaming, not for verify.
 */
export async function seedReceipts(client: SqlClient, count: number): Promise<void> {
  await client.execute('PRAGMA synchronous=OFF')
  await client.execute({
    sql: `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?)
      INSERT INTO receipts (id, site_id, revision, revision_hash, action, issued_at, consent_id, purposes, vendors,
        consent_mode, gpc, language, page_url, client_time, user_agent, ip_truncated, hash)
      SELECT printf('01BENCH%019d', x), 'xtra', 1, hex(randomblob(32)),
        CASE x % 3 WHEN 0 THEN 'reject-all' WHEN 1 THEN 'accept-all' ELSE 'custom' END,
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now', printf('-%d seconds', x % 2592000)),
        printf('bench-consent-%010d', x), '{"ads":false,"analytics":true}', '{"google-analytics":true}',
        '{"ad_storage":"denied","analytics_storage":"granted"}', 0, 'ja', 'https://www.example.co.jp/news',
        '2026-11-25T06:00:00.000+09:00', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36',
        '203.0.113.0/24', lower(hex(randomblob(32)))
      FROM n`,
    args: [count],
  })
}
