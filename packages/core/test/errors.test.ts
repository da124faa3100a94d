import { describe, expect, it } from 'vitest';
import {
  ERROR_CODES,
  HiveBatchError,
  InternalError,
  isHiveBatchError,
  isInternalError,
  invariant,
} from '@hive-batch/core';

describe('HiveBatchError', () => {
  it('carries a stable code, cause and retryable flag', () => {
    const cause = new Error('disk full');
    const e = new HiveBatchError('COMMIT_CONFLICT', 'Table default.t changed', { cause, retryable: true });
    expect(e.code).toBe('COMMIT_CONFLICT');
    expect(e.cause).toBe(cause);
    expect(e.retryable).toBe(true);
    expect(e.name).toBe('HiveBatchError');
    expect(e).toBeInstanceOf(Error);
  });

  it('defaults to not retryable and no cause', () => {
    const e = new HiveBatchError('TABLE_NOT_FOUND', 'x');
    expect(e.retryable).toBe(false);
    expect('cause' in e).toBe(false);
  });

  it('is recognised by name when thrown by a second installed copy', () => {
    class HiveBatchErrorFromOtherCopy extends Error {
      override readonly name = 'HiveBatchError';
      readonly code = 'TABLE_NOT_FOUND';
    }
    expect(isHiveBatchError(new HiveBatchErrorFromOtherCopy('x'))).toBe(true);
    expect(isHiveBatchError(new Error('plain'))).toBe(false);
    expect(isHiveBatchError({ name: 'HiveBatchError', code: 'X' })).toBe(false);
  });

  it('keeps internal errors apart', () => {
    expect(isInternalError(new InternalError('bug'))).toBe(true);
    expect(isHiveBatchError(new InternalError('bug'))).toBe(false);
    expect(() => invariant(false, 'x')).toThrow(InternalError);
  });

  it('lists every code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
