/** The TTL monitor: removes documents whose indexed date is older than the index's expireAfterSeconds. */
import type { Catalog } from './catalog.js';
import { valuesAtPath } from './paths.js';
import type { Doc } from './values.js';

export function removeExpiredDocuments(catalog: Catalog, now: number): number {
  let removed = 0;
  for (const collection of catalog.allCollections()) {
    const ttlIndexes = [...collection.secondaryIndexes()].filter(
      (index) => index.expireAfterSeconds !== undefined,
    );
    if (ttlIndexes.length === 0) continue;
    const expired: Doc[] = [];
    for (const doc of collection.documents()) {
      const isExpired = ttlIndexes.some((index) => {
        // As in MongoDB: an array of dates expires with its earliest date; non-dates never expire.
        const dates = valuesAtPath(doc, index.fields[0]!).filter(
          (value): value is Date => value instanceof Date,
        );
        if (dates.length === 0 || index.entriesFor(doc, '').length === 0) return false;
        const earliest = Math.min(...dates.map((date) => date.getTime()));
        return earliest + index.expireAfterSeconds! * 1000 <= now;
      });
      if (isExpired) expired.push(doc);
    }
    for (const doc of expired) collection.remove(doc);
    removed += expired.length;
  }
  return removed;
}
