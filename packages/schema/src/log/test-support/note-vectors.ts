// Signed-note vectors. PETER_* and ENOCH_* are from golang.org/x/mod sumdb/note/note_test.go
// (TestNewVerifier, TestSign, TestOpen; BSD-3-Clause); EXAMPLE_* from C2SP signed-note.md ("Example")
// and CHECKPOINT_EXAMPLE from C2SP tlog-checkpoint.md.

/** Peter Neumann's verifier key. */
export const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
/** Go's private key text for the same key: base64 of 0x01 || the 32-byte Ed25519 seed. */
export const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'
/** Enoch Root's verifier key. */
export const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop'
/** The text both sign. */
export const QUOTE_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
/** Peter's signature line over QUOTE_TEXT (Ed25519 is deterministic, so signing reproduces it). */
export const PETER_SIGNATURE_LINE =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n'
/** Enoch's signature line over QUOTE_TEXT. */
export const ENOCH_SIGNATURE_LINE =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n'

/** The C2SP signed-note example key. */
export const EXAMPLE_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'
/** The note it verifies. */
export const EXAMPLE_NOTE =
  'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n'

/** The C2SP tlog-checkpoint example (its key is not published). */
export const CHECKPOINT_EXAMPLE =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n'
