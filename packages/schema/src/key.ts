import { z } from 'zod'

/** A purpose, vendor or region rule key: lower-case, digits and dashes, as used in `data-purpose` and `data-vendor`. */
export const keySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes, starting with a letter')
