/** One entry of a directory listing or a `stat`. */
export interface FileStatus {
  /** Absolute path. */
  readonly path: string;
  /** Bytes; `0` for directories. */
  readonly length: number;
  readonly isDirectory: boolean;
}

/**
 * The file operations the connector needs. The local disk ({@link createLocalFileSystem}) is the default;
 * object stores or HDFS can implement the same interface. Paths are absolute, `/`-separated.
 *
 * Missing paths: `list` and `stat` return `undefined`; `open…`/`rename` throw `IO_ERROR`.
 */
export interface FileSystem {
  /** Direct children of a directory (files and directories), or `undefined` if it does not exist. */
  list(dir: string): Promise<FileStatus[] | undefined>;
  /** Status of a path, or `undefined` if it does not exist. */
  stat(path: string): Promise<FileStatus | undefined>;
  /** Reads `length` bytes at `offset` (fewer at the end of the file). */
  read(path: string, offset: number, length: number): Promise<Uint8Array>;
  /** Creates (or truncates) a file with these bytes; parent directories are created. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Atomic rename of a file or directory; the target's parent is created. Fails if the target exists. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file or a directory tree; a missing path is not an error. */
  delete(path: string): Promise<void>;
  /** Creates a directory and its parents. */
  mkdirs(dir: string): Promise<void>;
}
