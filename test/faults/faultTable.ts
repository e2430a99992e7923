// The fault suite's report: each test adds "fault injected | outcome" rows, printed as one table when the file ends.
import { after } from 'node:test';

const rows: [string, string][] = [];

export function reportFault(fault: string, outcome: string): void {
  rows.push([fault, outcome]);
}

/** Registers the printer once per test file (node --test runs each file in its own process). */
export function printFaultTableAtEnd(title: string): void {
  after(() => {
    if (rows.length === 0) return;
    const w = Math.max(...rows.map(([f]) => f.length), 'fault injected'.length);
    const lines = [
      `# ${title}`,
      `# ${'fault injected'.padEnd(w)} | outcome`,
      `# ${'-'.repeat(w)} | ${'-'.repeat(40)}`,
      ...rows.map(([f, o]) => `# ${f.padEnd(w)} | ${o}`),
    ];
    console.log(lines.join('\n'));
  });
}
