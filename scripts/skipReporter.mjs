// A node:test reporter that writes one line per skipped test (file, name, reason) to its
// destination; scripts/runTests.mjs reads it to fail a run that skipped anything in CI.
export default async function* skipReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { skip, name, file } = event.data;
    if (skip === undefined || skip === false) continue;
    yield `${JSON.stringify({ file: file ?? '', name, reason: skip === true ? '' : String(skip) })}\n`;
  }
}
