// A Storage (localStorage) for unit tests: shared between "tabs", with an optional quota
// in characters, or unavailable altogether.

export class FakeStorage {
  constructor({ quota = Infinity } = {}) {
    this.items = new Map();
    this.quota = quota;
  }

  get length() {
    return this.items.size;
  }

  key(index) {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }

  setItem(key, value) {
    const text = String(value);
    let size = key.length + text.length;
    for (const [other, stored] of this.items) if (other !== key) size += other.length + stored.length;
    if (size > this.quota) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, text);
  }

  removeItem(key) {
    this.items.delete(key);
  }
}

export const blockedStorage = () => {
  throw new DOMException("The operation is insecure.", "SecurityError");
};
