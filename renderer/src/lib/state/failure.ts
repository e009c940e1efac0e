/** What to tell the person when a call to the backend fails unexpectedly: the error's own message. */
export function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
