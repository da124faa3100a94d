import { open } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadableStream, ReadableStreamDefaultReader, ReadableStreamReadResult } from 'node:stream/web';
import { HiveBatchError } from '@hive-batch/core';

/** Where a resource URI points, with the integrity taken from its fragment. */
export interface ParsedResourceUri {
  /** The URI as the user wrote it (fragment included). */
  readonly uri: string;
  /** `file` for local paths and `file:` URLs. */
  readonly scheme: 'file' | 'http' | 'https';
  /** Absolute path (file) or URL without fragment (http/https). */
  readonly location: string;
  /** SRI from the fragment (`#sha512-…` or `#integrity=sha512-…`), if any. */
  readonly integrity: string | null;
}

/** Limits of one fetch. */
export interface FetchLimits {
  /** Largest resource accepted, in bytes. */
  readonly maxBytes: number;
  /** Longest a remote fetch may take, in milliseconds. */
  readonly timeoutMs: number;
}

/**
 * Splits a resource URI into location and integrity. Relative paths resolve against `baseDir`.
 * @throws {HiveBatchError} `INVALID_ARGUMENT` for unsupported schemes
 */
export function parseResourceUri(uri: string, baseDir: string): ParsedResourceUri {
  const hash = uri.indexOf('#');
  const body = hash < 0 ? uri : uri.slice(0, hash);
  const fragment = hash < 0 ? '' : decodeURIComponent(uri.slice(hash + 1));
  const integrity = fragment === '' ? null : fragment.replace(/^integrity=/, '');
  if (/^https?:\/\//i.test(body)) {
    return {
      uri,
      scheme: body.toLowerCase().startsWith('https') ? 'https' : 'http',
      location: body,
      integrity,
    };
  }
  if (/^file:/i.test(body)) {
    return { uri, scheme: 'file', location: fileURLToPath(body), integrity };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(body)) {
    throw new HiveBatchError(
      'INVALID_ARGUMENT',
      `Unsupported resource scheme in \`${uri}\` (use a path, file:, http: or https:)`,
    );
  }
  return { uri, scheme: 'file', location: isAbsolute(body) ? body : resolve(baseDir, body), integrity };
}

function tooLarge(uri: string, maxBytes: number): HiveBatchError {
  return new HiveBatchError('RESOURCE_FETCH_FAILED', `Resource \`${uri}\` is larger than ${maxBytes} bytes`);
}

async function readLocal(parsed: ParsedResourceUri, limits: FetchLimits): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(parsed.location, 'r');
  } catch (error) {
    throw new HiveBatchError('RESOURCE_FETCH_FAILED', `Cannot read resource \`${parsed.uri}\``, {
      cause: error,
    });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new HiveBatchError('RESOURCE_FETCH_FAILED', `Resource \`${parsed.uri}\` is not a regular file`);
    }
    if (stat.size > limits.maxBytes) throw tooLarge(parsed.uri, limits.maxBytes);
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

async function readRemote(parsed: ParsedResourceUri, limits: FetchLimits): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(parsed.location, { signal, redirect: 'follow' });
  } catch (error) {
    throw new HiveBatchError('RESOURCE_FETCH_FAILED', `Fetching \`${parsed.uri}\` failed`, { cause: error });
  }
  if (!response.ok || response.body == null) {
    await response.body?.cancel();
    throw new HiveBatchError(
      'RESOURCE_FETCH_FAILED',
      `Fetching \`${parsed.uri}\` returned HTTP ${response.status}`,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limits.maxBytes) {
    await response.body.cancel();
    throw tooLarge(parsed.uri, limits.maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const body = response.body as ReadableStream<Uint8Array>;
  const reader: ReadableStreamDefaultReader<Uint8Array> = body.getReader();
  try {
    for (;;) {
      const step: ReadableStreamReadResult<Uint8Array> = await reader.read();
      if (step.done) break;
      const value = step.value;
      total += value.byteLength;
      if (total > limits.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(parsed.uri, limits.maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof HiveBatchError) throw error;
    throw new HiveBatchError('RESOURCE_FETCH_FAILED', `Reading \`${parsed.uri}\` failed`, { cause: error });
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a resource's bytes (local file, `file:` or `http(s):`), refusing anything above `limits.maxBytes`.
 * No byte is interpreted here: verification and unpacking come after.
 * @throws {HiveBatchError} `RESOURCE_FETCH_FAILED` (missing, HTTP error, too large, timeout)
 */
export async function fetchResource(parsed: ParsedResourceUri, limits: FetchLimits): Promise<Uint8Array> {
  return parsed.scheme === 'file' ? readLocal(parsed, limits) : readRemote(parsed, limits);
}
