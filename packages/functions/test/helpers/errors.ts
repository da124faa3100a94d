/** The `code` of the error `p` rejects with, or `NO_ERROR` when it resolves. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'NO_ERROR';
}
