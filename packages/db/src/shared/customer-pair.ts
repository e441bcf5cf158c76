/** One key for a pair of customers whichever is named first: the suggestions' uniqueness rests on it. */
export function pairKeyOf(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
