const utf8 = new TextDecoder('utf-8');

/**
 * Splits the contents of a text file into records the way Hadoop's `LineRecordReader` (used by Hive's
 * TEXTFILE) does without a custom record delimiter: a line ends at LF, CR, or CR LF, and the terminator is
 * not part of the line. So a CR before LF is removed, and a lone CR also ends a line (Hive behaves this
 * way; it does not keep `\r` at the end of fields). A final line without a terminator is a record; the empty
 * text after a final terminator is not. Bytes are decoded as UTF-8 (malformed sequences become U+FFFD, as
 * Hadoop's `Text.toString` does).
 *
 * @param input - the file's bytes or already decoded text
 * @returns the lines, without terminators
 * @example
 * ```ts
 * splitLines('a\r\nb\nc'); // ['a', 'b', 'c']
 * ```
 */
export function splitLines(input: string | Uint8Array): string[] {
  const text = typeof input === 'string' ? input : utf8.decode(input);
  const out: string[] = [];
  const n = text.length;
  let from = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      out.push(text.slice(from, i));
      from = i + 1;
    } else if (c === 13) {
      out.push(text.slice(from, i));
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
  }
  if (from < n) out.push(text.slice(from));
  return out;
}
