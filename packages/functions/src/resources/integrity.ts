import { createHash } from 'node:crypto';
import { HiveBatchError } from '@hive-batch/core';

/** Digests of one resource's exact bytes. */
export interface ResourceDigest {
  /** SRI string as npm writes it: `sha512-` + base64 of SHA-512. */
  readonly integrity: string;
  /** Hex SHA-512: the content address (store key, blob key). */
  readonly sha512: string;
  /** Hex SHA-256, the form the catalog stores for persistent functions. */
  readonly sha256: string;
}

const SRI = /^sha512-([A-Za-z0-9+/]{86}==)$/;

/** Computes the digests of `bytes`. */
export function digestOf(bytes: Uint8Array): ResourceDigest {
  const sha512 = createHash('sha512').update(bytes).digest();
  return {
    integrity: `sha512-${sha512.toString('base64')}`,
    sha512: sha512.toString('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * Checks an SRI string (`sha512-<base64>`, npm's format; other algorithms are refused as too weak or unknown).
 * Several space-separated hashes are allowed as in the SRI spec; a `sha512` one must be among them.
 * @throws {HiveBatchError} `INVALID_ARGUMENT` when no valid sha512 hash is present
 */
export function parseIntegrity(integrity: string): string[] {
  const hashes = integrity
    .trim()
    .split(/\s+/)
    .map((h) => h.replace(/\?.*$/, ''))
    .filter((h) => SRI.test(h));
  if (hashes.length === 0) {
    throw new HiveBatchError(
      'INVALID_ARGUMENT',
      `Integrity \`${integrity}\` is not an SRI sha512 string (sha512-<base64>)`,
    );
  }
  return hashes;
}

/**
 * Verifies `bytes` against an SRI string.
 * @throws {HiveBatchError} `INTEGRITY_MISMATCH`, `INVALID_ARGUMENT` (malformed SRI)
 */
export function verifyIntegrity(bytes: Uint8Array, integrity: string, what: string): ResourceDigest {
  const expected = parseIntegrity(integrity);
  const digest = digestOf(bytes);
  if (!expected.includes(digest.integrity)) {
    throw new HiveBatchError(
      'INTEGRITY_MISMATCH',
      `Integrity check failed for ${what}: expected ${expected.join(' ')}, got ${digest.integrity}`,
    );
  }
  return digest;
}
