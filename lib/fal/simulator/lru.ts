/** A bounded map that forgets the least recently used entry first (a Map keeps insertion order). */
export class Lru<V> {
  private readonly items = new Map<string, V>();
  constructor(private readonly limit: number) {}

  set(key: string, value: V): void {
    this.items.delete(key);
    this.items.set(key, value);
    while (this.items.size > this.limit) this.items.delete(this.items.keys().next().value as string);
  }

  get(key: string): V | undefined {
    const value = this.items.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }
}
