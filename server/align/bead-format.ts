// The `[0,1]:[2]` bead text format shared by the CLI, the gold files and the scorer.

import type { Bead } from '../domain/types.ts';

export function formatBead(bead: Bead): string {
  return `[${bead.src.join(',')}]:[${bead.tgt.join(',')}]`;
}

/** Parses one bead per non-blank line; whitespace inside a line is ignored, as the reference scorer does. */
export function parseBeads(text: string): Bead[] {
  const out: Bead[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, '');
    if (!line) continue;
    const m = /^\[([\d,]*)\]:\[([\d,]*)\]$/.exec(line);
    if (!m) throw new Error(`not a bead: "${raw}"`);
    const list = (s: string) => (s ? s.split(',').map(Number) : []);
    out.push({ src: list(m[1]!), tgt: list(m[2]!) });
  }
  return out;
}
