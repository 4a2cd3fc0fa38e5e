// Ends every switch over a union: adding a case breaks the build until each
// switch handles it.
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
