/** Small helpers for the demo generator and its language kits. */

/** items[index], or an error naming the index: a slip in the demo tables fails loudly. */
export function at<T>(items: readonly T[], index: number): T {
  const value = items[index];
  if (value === undefined) throw new Error(`index ${index} out of range (length ${items.length})`);
  return value;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
