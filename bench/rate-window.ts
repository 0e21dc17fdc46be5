// The most requests that arrived within any one second: the figure a per-second limit is
// judged by. Sliding, so it is at least what any fixed one-second window would count.
export function maxInAnySecond(arrivalsMs: readonly number[]): number {
  let max = 0;
  let from = 0;
  for (let to = 0; to < arrivalsMs.length; to++) {
    while (arrivalsMs[to]! - arrivalsMs[from]! >= 1000) from++;
    max = Math.max(max, to - from + 1);
  }
  return max;
}

/** Requests per second over the span from the first arrival to the last. */
export function meanRate(arrivalsMs: readonly number[]): number | null {
  if (arrivalsMs.length < 2) return null;
  const span = (arrivalsMs.at(-1)! - arrivalsMs[0]!) / 1000;
  return span > 0 ? Math.round(((arrivalsMs.length - 1) / span) * 10) / 10 : null;
}
