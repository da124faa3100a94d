/** Host names compare case-insensitively and without surrounding blanks. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase();
}
