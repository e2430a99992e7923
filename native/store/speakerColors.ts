// Speaker colours: a fixed palette that stays readable on white and for common colour
// blindness (Okabe–Ito plus darker companions), then evenly spread hues beyond it.
const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#8C564B',
  '#7F3C8D',
  '#11A579',
  '#3969AC',
  '#E73F74',
  '#80BA5A',
] as const;

/** A distinct colour for the n-th speaker of a meeting (0-based). */
export function speakerColor(n: number): string {
  const fixed = PALETTE[n];
  if (fixed) return fixed;
  const hue = ((n - PALETTE.length) * 137.508 + 20) % 360;
  return hslToHex(hue, 0.55, 0.42);
}

/** The first colour of the sequence that none of `used` is (case ignored): a new speaker stands out. */
export function unusedSpeakerColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toUpperCase()));
  for (let n = 0; ; n++) {
    const color = speakerColor(n);
    if (!taken.has(color.toUpperCase())) return color;
  }
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (k0: number): string => {
    const k = (k0 + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`.toUpperCase();
}
