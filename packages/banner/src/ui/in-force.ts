import { effective } from '../gate/rules.ts'
import type { GateHandle } from '../shared/contract.ts'

/** What the gate's choice in force allows, and what is still undecided: the gate's own rule, applied to it. */
export const inForce = (gate: GateHandle) => effective(gate._gateConfig, gate._choice, gate._gpc)
