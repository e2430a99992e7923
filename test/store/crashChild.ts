// Run by crash.test.ts: applies edits in a loop and prints each edit's number on stdout only
// after applyEdit returned (stdout to a pipe is synchronous on Linux), until it is killed.
import { openStore } from '../../native/store/openStore';

const [path, meetingArg, firstArg] = process.argv.slice(2);
if (!path || !meetingArg || !firstArg) throw new Error('usage: crashChild PATH MEETING_ID FIRST_N');
const meetingId = Number(meetingArg);
const store = openStore(path);
const ids = store.getTranscript(meetingId).segments.map((s) => s.id);
for (let n = Number(firstArg); n < Number(firstArg) + 20000; n++) {
  store.applyEdit(meetingId, { kind: 'setText', segmentId: ids[n % ids.length]!, text: `編集${n}：ただいまから本会議を開きます。` });
  process.stdout.write(`${n}\n`);
}
store.close();
