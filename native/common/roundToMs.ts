/** Seconds rounded to whole milliseconds, as every time in a transcript is written. */
export function roundToMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
