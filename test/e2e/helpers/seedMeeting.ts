// Puts a finished transcript straight into an app's store, as a transcription would:
// the corpus reference (with its speakers) for the speaker steps, a long synthetic
// meeting for the editor benchmark, or a short one without speakers. Test and bench set-up only.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeetingInput } from '../../../native/common/api';
import type { TranscriptSegment, TranscriptToken } from '../../../native/common/transcript';
import { openStore } from '../../../native/store/openStore';
import { transcriptOf } from '../../helpers/transcripts';

/** Must match native/app/dataDir.ts: the store file inside GIJIROKU_DATA_DIR. */
export const DATABASE_FILE = 'gijiroku.sqlite';

/**
 * Tokens of two or three characters spread evenly over the segment. Every seventh
 * token gets p = 0.3 so that low-confidence marking has something to show.
 */
export function evenTokens(text: string, start: number, end: number, seed: number): TranscriptToken[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length;) {
    const n = 2 + ((i + seed) % 2);
    pieces.push(text.slice(i, i + n));
    i += n;
  }
  const step = (end - start) / Math.max(1, pieces.length);
  return pieces.map((p, i) => ({
    start: round3(start + i * step),
    end: round3(start + (i + 1) * step),
    text: p,
    p: (i + seed) % 7 === 3 ? 0.3 : 0.93,
  }));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

interface ReferenceFile {
  title: string;
  duration: number;
  speakers: Record<string, string>;
  segments: { speaker: string; start: number; end: number; text: string }[];
}

/** The corpus meeting's ground truth, speakers included, as a ready meeting. Returns its id. */
export function seedReferenceMeeting(dataDir: string, corpusFolder: string, meeting: Partial<MeetingInput> = {}): number {
  const ref = JSON.parse(readFileSync(join(corpusFolder, 'reference.json'), 'utf8')) as ReferenceFile;
  const audioPath = join(corpusFolder, 'audio.flac');
  const segments = ref.segments.map((s, id): TranscriptSegment => ({
    id,
    start: s.start,
    end: s.end,
    speaker: s.speaker,
    text: s.text,
    tokens: evenTokens(s.text, s.start, s.end, id),
  }));
  return seed(
    dataDir,
    { title: ref.title, body: '本会議', date: '2024-12-02', place: '議場', ...meeting },
    audioPath,
    ref.duration,
    segments,
  );
}

const PHRASES = [
  'ただいまの質問にお答えいたします。',
  '本件につきましては、引き続き関係部署と協議してまいります。',
  '予算の執行状況について伺います。',
  '保育園の入園申請の状況はどうなっておりますか。',
  'コミュニティバスの利用者数は前年度と比べて増加しております。',
  '異議なしと認めます。よって、そのように決定いたしました。',
  '次に、日程第二を議題といたします。',
  '地域の皆様からのご意見を踏まえ、検討を進めてまいります。',
];

/**
 * A long meeting: `turns` speaker turns of one to three segments, three speakers in turn,
 * and a silent recording of the same length made with ffmpeg. Returns the meeting id.
 */
export function seedSyntheticMeeting(
  dataDir: string,
  turns: number,
  audioPath: string,
): { meetingId: number; segments: number; duration: number } {
  const segments: TranscriptSegment[] = [];
  let t = 1;
  for (let turn = 0; turn < turns; turn++) {
    const speaker = `S${(turn % 3) + 1}`;
    const count = 1 + (turn % 3 === 0 ? 2 : turn % 2);
    for (let k = 0; k < count; k++) {
      const id = segments.length;
      const text = `${PHRASES[(turn + k) % PHRASES.length]!}${id % 5 === 0 ? PHRASES[(id + 3) % PHRASES.length]! : ''}（${turn + 1}）`;
      const length = 1.5 + text.length * 0.12;
      segments.push({ id, start: round3(t), end: round3(t + length), speaker, text, tokens: evenTokens(text, t, t + length, id) });
      t += length + 0.4;
    }
    t += 0.8;
  }
  const duration = Math.ceil(t + 2);
  silentRecording(audioPath, duration);
  const meetingId = seed(
    dataDir,
    { title: `ベンチマーク用会議（${turns}発言）`, body: '本会議', date: '2024-12-02', place: '議場' },
    audioPath,
    duration,
    segments,
  );
  return { meetingId, segments: segments.length, duration };
}

/**
 * A short meeting as the engine delivers it today, before speaker segmentation: `count`
 * segments, none with a speaker, over a silent recording. Returns the meeting id.
 */
export function seedMeetingWithoutSpeakers(dataDir: string, audioPath: string, count = 6): number {
  const segments: TranscriptSegment[] = [];
  for (let id = 0; id < count; id++) {
    const text = PHRASES[id % PHRASES.length]!;
    const start = 1 + id * 5;
    segments.push({ id, start, end: start + 4, speaker: null, text, tokens: evenTokens(text, start, start + 4, id) });
  }
  const duration = count * 5 + 2;
  silentRecording(audioPath, duration);
  return seed(dataDir, { title: '話者なしの会議', body: '本会議', date: '2024-12-02', place: '議場' }, audioPath, duration, segments);
}

/** A silent 16 kHz mono FLAC of `duration` seconds: a meeting's audio when the test is about its text. */
export function silentRecording(audioPath: string, duration: number): void {
  const made = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'anullsrc=r=16000:cl=mono',
    '-t',
    String(duration),
    '-c:a',
    'flac',
    audioPath,
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg: ${made.stderr.toString()}`);
}

function seed(dataDir: string, meeting: Partial<MeetingInput>, audioPath: string, duration: number, segments: TranscriptSegment[]): number {
  const store = openStore(join(dataDir, DATABASE_FILE));
  try {
    const created = store.createMeeting({ title: '', body: '', date: '', place: '', ...meeting }, { path: audioPath, durationS: duration });
    store.importTranscript(created.id, transcriptOf(segments, { path: audioPath, duration, model: 'seeded' }));
    return created.id;
  } finally {
    store.close();
  }
}
