import { toGateConfig } from '@torii/schema/gate-config'
import type { Revision } from '@torii/schema/revision'
import { normalizeConfig } from '../gate/config.ts'
import type { GateConfig } from '../gate/types.ts'

/**
 * The gate config a site's gate.js carries, from its `config.json` (the live revision): what the server
 * inlines (`toGateConfig`), filled in as the gate fills it (`normalizeConfig`).
 */
export const gateConfigOf = (revision: Revision): GateConfig =>
  // The UI chunk's path is the only field the server-side rules never read.
  normalizeConfig(toGateConfig(revision, ''))
