import { ROLES, type Role } from '@torii/schema'
import { z } from 'zod'
import { createUser } from '../auth/users.ts'
import type { CliIo } from './io.ts'
import { openDatabase } from './open-db.ts'
import { PASSWORD_OPTIONS, readNewPassword } from './password-input.ts'
import { parse, UsageError } from './usage.ts'

/** `torii admin create --email E [--role admin|viewer] [--password-stdin]`. */
export async function adminCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'create')
    throw new UsageError(`admin: unknown subcommand ${JSON.stringify(sub ?? '')} (expected create)`)
  const values = parse(rest, {
    db: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    ...PASSWORD_OPTIONS,
  })
  if (!values.email) throw new UsageError('--email is required')
  if (!z.email().safeParse(values.email).success)
    throw new UsageError(`--email ${JSON.stringify(values.email)} is not an email address`)
  const role = (values.role ?? 'admin') as Role
  if (!ROLES.includes(role))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(values.role)}`)
  const password = await readNewPassword(values, io)
  const database = await openDatabase(values.db, false)
  try {
    const user = await createUser(database.db, values.email, password, role)
    if (!user) {
      io.err(`admin create: a user ${values.email} already exists`)
      return 1
    }
    io.out(`created ${user.role} ${user.email}`)
    return 0
  } finally {
    await database.close()
  }
}
