// Records of a collection in (updatedAt, id) order, kept up to date on every write, so that a
// search sorted by updatedAt over 100,000 records answers in microseconds instead of sorting the
// whole collection each time (exports page through such searches while other clients write).
// Keys are ISO-8601 UTC strings, which sort as text in time order.

export class UpdatedAtIndex {
  private readonly keys: string[] = [];
  private readonly ids: string[] = [];

  get length(): number {
    return this.keys.length;
  }

  id(at: number): string {
    return this.ids[at] ?? "";
  }

  key(at: number): string {
    return this.keys[at] ?? "";
  }

  /** The first position whose (key, id) is at or after (key, id). */
  lowerBound(key: string, id = ""): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const middleKey = this.keys[middle] ?? "";
      if (middleKey < key || (middleKey === key && (this.ids[middle] ?? "") < id)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The first position whose key is after `key`. */
  upperBound(key: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.keys[middle] ?? "") <= key) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  add(key: string, id: string): void {
    const last = this.keys.length - 1;
    const lastKey = this.keys[last];
    // Writes stamp "now", so most additions go at the end.
    if (
      lastKey === undefined ||
      lastKey < key ||
      (lastKey === key && (this.ids[last] ?? "") < id)
    ) {
      this.keys.push(key);
      this.ids.push(id);
      return;
    }
    const at = this.lowerBound(key, id);
    this.keys.splice(at, 0, key);
    this.ids.splice(at, 0, id);
  }

  remove(key: string, id: string): void {
    const at = this.lowerBound(key, id);
    if (this.keys[at] === key && this.ids[at] === id) {
      this.keys.splice(at, 1);
      this.ids.splice(at, 1);
    }
  }
}

/** A record's updatedAt as an index key (ISO-8601 UTC), or undefined when it has none. */
export function updatedAtKey(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "") {
    return undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) {
    return value;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
