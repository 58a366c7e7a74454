import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';

/**
 * Domain objects carry `id`; MongoDB documents carry `_id`. These two functions are the only place the
 * difference is handled, so repositories stay free of field juggling.
 */
export type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

export function toDocument<T extends { id: string }>(value: T): Stored<T> {
  const { id, ...rest } = value;
  return { _id: id, ...rest } as Stored<T>;
}

export function fromDocument<T extends { id: string }>(doc: Stored<T>): T {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest } as unknown as T;
}

export function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === 11000;
}

/**
 * A write against a unique index, answered in the caller's terms: 'written', or the field of the unique
 * index that already holds the value. Repositories use it so that no use case learns MongoDB's error codes.
 */
export async function writeUnlessTaken(
  write: () => Promise<unknown>,
): Promise<'written' | { taken: string }> {
  try {
    await write();
    return 'written';
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const pattern = (error as { keyPattern?: Record<string, unknown> }).keyPattern ?? {};
    const [field = '_id'] = Object.keys(pattern);
    return { taken: field === '_id' ? 'id' : field };
  }
}

/**
 * Inserts documents in one unordered batch where some may already exist (a retried or repeated write):
 * duplicates of a unique key are skipped, any other failure is an error. Returns the positions skipped.
 */
export async function insertSkippingDuplicates<T extends Document>(
  collection: Collection<T>,
  documents: readonly OptionalUnlessRequiredId<T>[],
): Promise<Set<number>> {
  if (documents.length === 0) return new Set();
  try {
    await collection.insertMany([...documents], { ordered: false });
    return new Set();
  } catch (error) {
    const writeErrors = (
      error as { writeErrors?: Array<{ index: number; code?: number; err?: { code?: number } }> }
    ).writeErrors;
    // Even when the first error reported is a duplicate, another in the batch may not be.
    if (!writeErrors?.length || writeErrors.some((entry) => (entry.code ?? entry.err?.code) !== 11000))
      throw error;
    return new Set(writeErrors.map((entry) => entry.index));
  }
}
