// Whose turn it is at the pool's connections: a request that changes something (its sign-in and its write) goes
// before waiting reads. Under the load bench a request waited ~17 ms for a connection at each of its two
// transactions; a person waits on a save, while a page can wait a little longer. A write holds one connection at
// a time, so going first never lets writes take the whole pool from reads.

export interface ConnectionTurns {
  /** Resolves when a connection is free for this caller; `first` goes before every waiting caller that is not. */
  take(first: boolean): Promise<void>;
  /** The connection is back: the next waiting caller's turn, or a free one. */
  give(): void;
}

export function connectionTurns(size: number): ConnectionTurns {
  let free = size;
  const firsts: (() => void)[] = [];
  const others: (() => void)[] = [];
  return {
    take(first) {
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise((resolve) => (first ? firsts : others).push(resolve));
    },
    give() {
      const next = firsts.shift() ?? others.shift();
      if (next) next();
      else free++;
    },
  };
}
