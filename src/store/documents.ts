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
