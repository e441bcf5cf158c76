/** This process's open /agent sockets per user: what each presence store starts from. */
export class LocalConnections {
  private readonly counts = new Map<number, number>();

  /** Returns the user's new count here. */
  add(userId: number): number {
    const count = (this.counts.get(userId) ?? 0) + 1;
    this.counts.set(userId, count);
    return count;
  }

  /** Returns the user's new count here; 0 means the user has no socket on this process any more. */
  remove(userId: number): number {
    const count = Math.max(0, (this.counts.get(userId) ?? 0) - 1);
    if (count === 0) this.counts.delete(userId);
    else this.counts.set(userId, count);
    return count;
  }

  entries(): [number, number][] {
    return [...this.counts];
  }

  get size(): number {
    return this.counts.size;
  }
}
