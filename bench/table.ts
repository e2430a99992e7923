/** Prints rows of plain values as a Markdown table (pastes into an issue note as is). */
export function printTable(title: string, rows: object[]): void {
  console.log(`\n### ${title}`);
  const first = rows[0];
  if (!first) {
    console.log('(nothing measured)');
    return;
  }
  const keys = Object.keys(first);
  const cell = (v: unknown): string => (v === null || v === undefined ? '–' : String(v));
  console.log(`| ${keys.join(' | ')} |`);
  console.log(`|${keys.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${keys.map((k) => cell((r as Record<string, unknown>)[k])).join(' | ')} |`);
}
