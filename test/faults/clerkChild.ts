// Run by the fault suite: a clerk typing into one segment through the real API service
// (dispatchApiCall → createApiService → SQLite), saved the way the editor saves (300 ms
// after the last keystroke, renderer/src/features/editor/state/editSession.ts). Prints
// "k N T" when keystroke N is typed (T = Date.now()) and "s N T" once text with N keystrokes
// is acknowledged, until it is killed.
import { dispatchApiCall } from '../../native/app/dispatchApiCall';
import { createApiService } from '../../native/app/createApiService';
import { openStore } from '../../native/store/openStore';
import { databasePath } from '../../native/app/dataDir';

const SAVE_DEBOUNCE_MS = 300;
const KEY_MS = 90;
const TYPED = 'ただいまから本日の会議を開きます。';

const [dataDir, meetingArg, segmentArg, baseText] = process.argv.slice(2);
if (!dataDir || !meetingArg || !segmentArg || baseText === undefined)
  throw new Error('usage: clerkChild DATA_DIR MEETING SEGMENT BASE_TEXT');
const meetingId = Number(meetingArg);
const segmentId = Number(segmentArg);
const store = openStore(databasePath(dataDir));
const service = createApiService({ store, dataDir, mediaUrl: () => '' });

let typed = 0;
let timer: NodeJS.Timeout | null = null;
let saving = Promise.resolve();
const textOf = (n: number): string => baseText + Array.from({ length: n }, (_, i) => TYPED[i % TYPED.length]).join('');

function save(): void {
  const n = typed;
  saving = saving.then(async () => {
    const reply = await dispatchApiCall(service, 'applyEdit', [meetingId, { kind: 'setText', segmentId, text: textOf(n) }]);
    if (!reply.ok) throw new Error(reply.error.text.en);
    process.stdout.write(`s ${n} ${Date.now()}\n`);
  });
}

/** bursts of 2–6 keystrokes (an IME word), then a pause of 350–700 ms */
async function type(): Promise<void> {
  for (;;) {
    const burst = 2 + Math.floor(Math.random() * 5);
    for (let i = 0; i < burst; i++) {
      typed++;
      process.stdout.write(`k ${typed} ${Date.now()}\n`);
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, SAVE_DEBOUNCE_MS);
      await new Promise((r) => setTimeout(r, KEY_MS));
    }
    await new Promise((r) => setTimeout(r, 350 + Math.random() * 350));
  }
}
void type();
