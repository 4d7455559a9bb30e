/**
 * True only while the checkpoint of size ?, note ? (its size given twice) is the latest: a log sealer's entries
 * and tiles go in only with the checkpoint that covers them (seal/log-sealer.ts). The same SQL on both engines.
 */
export const LATEST_CHECKPOINT_IS =
  '(SELECT max(size) FROM checkpoints) = ? AND EXISTS (SELECT 1 FROM checkpoints WHERE size = ? AND note = ?)'
