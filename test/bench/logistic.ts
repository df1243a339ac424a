// Weighted, L2-penalised logistic regression by Newton's method, for the aligner's fitted models (join look, confidence).

/** One example: features with x[0] = 1 for the bias, whether it is positive, and its weight. */
export interface LogisticExample {
  x: number[];
  positive: boolean;
  weight: number;
}

/** The weights b minimising the weighted log loss plus l2 · |b|² (the bias, b[0], is not penalised). */
export function fitLogistic(data: LogisticExample[], l2: number): number[] {
  const n = data[0]?.x.length ?? 0;
  let b = new Array<number>(n).fill(0);
  for (let round = 0; round < 50; round++) {
    const g = b.map((v, i) => (i === 0 ? 0 : l2 * v));
    const h = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j && i > 0 ? l2 : 0)));
    for (const e of data) {
      const p = 1 / (1 + Math.exp(-e.x.reduce((s, v, i) => s + v * b[i]!, 0)));
      const y = e.positive ? 1 : 0;
      for (let i = 0; i < n; i++) {
        g[i]! += e.weight * (p - y) * e.x[i]!;
        for (let j = 0; j < n; j++) h[i]![j]! += e.weight * p * (1 - p) * e.x[i]! * e.x[j]!;
      }
    }
    const step = solve(h, g);
    b = b.map((v, i) => v - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return b;
}

// Gaussian elimination with partial pivoting; the penalised Hessian is positive definite.
function solve(a: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const m = a.map((row, i) => [...row, rhs[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
