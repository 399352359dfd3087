/** The import() the prebuilt command line provides (bin/load-built.cjs), if any. */
type Importer = (specifier: string) => Promise<unknown>;

/**
 * import() of a module outside the program (a user's model file, tsx). Code that bin/load-built.cjs runs from
 * V8's code cache cannot call import() itself (Node 20 has no stable host hook for it), so the loader lends one.
 */
export function importOutside(specifier: string): Promise<unknown> {
  const lent = (globalThis as { __brMedicaldeviceImport?: Importer }).__brMedicaldeviceImport;
  return lent ? lent(specifier) : import(specifier);
}
