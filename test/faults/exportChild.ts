// Run by the fault suite: writes the minutes again and again to the same two files (.docx through
// writeMinutesDocx, .txt through the CLI's writeOutput), each version numbered in its title, until
// it is killed. Prints "w N" after version N of both files is in place.
import { writeMinutesDocx } from '../../native/export/minutes/writeDocx';
import { minutesToText } from '../../native/export/minutes/minutesToText';
import { DEFAULT_MINUTES_STYLE, type MinutesDocument } from '../../native/export/minutes/minutesModel';
import { writeOutput } from '../../native/cli/cliOutput';
import { bigMinutes } from './bigMinutes';

const [docxPath, txtPath, firstArg] = process.argv.slice(2);
if (!docxPath || !txtPath || !firstArg) throw new Error('usage: exportChild DOCX TXT FIRST_N');

async function main(): Promise<void> {
  for (let n = Number(firstArg); ; n++) {
    const doc: MinutesDocument = bigMinutes(n);
    await writeMinutesDocx(docxPath!, doc);
    writeOutput(txtPath!, minutesToText(doc, DEFAULT_MINUTES_STYLE));
    process.stdout.write(`w ${n}\n`);
  }
}
void main();
