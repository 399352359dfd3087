/** Loads the shared governance test vectors (tests/vectors/*.json, format in tests/vectors/README.md). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InMemoryContext, classParentsOf, type StoredRecord, type Write } from '../../governance/engine/index.js';
import model from '../../model/br-medicaldevice/index.js';

export const VECTORS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../vectors');

export interface Vector {
  name: string;
  existing: Record<string, StoredRecord[]>;
  write: Write;
  /** Sorted distinct rule ids (warnings and ITOP-* ids included). */
  expected: string[];
}

export interface VectorFile {
  file: string;
  description: string;
  vectors: Vector[];
}

export function loadVectorFiles(dir: string = VECTORS_DIR): VectorFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => {
      const content = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Omit<VectorFile, 'file'>;
      return { file, ...content };
    });
}

/** The context a vector describes, with the model's class hierarchy (a Server is found as a FunctionalCI). */
export function contextOf(vector: Vector): InMemoryContext {
  return new InMemoryContext(vector.existing, { parents: classParentsOf(model) });
}
