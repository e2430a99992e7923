// No byte leaves the PC: a whole session (app, Chromium, import, real transcription, edit, exports)
// runs in a network namespace with only loopback, under strace. Every connect() is listed; our
// processes may reach only 127.0.0.1, ::1 and unix sockets. Chromium's own attempts are reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { corpusAudio, makeMedia, NO_CORPUS, NO_MODEL, ROOT, tempDir, testModel } from '../helpers/fixtures';
import { parseStraceConnects } from './straceConnects';

const model = testModel();
const m03 = corpusAudio('m03_kotsu_chiibasu');

function why(): string | false {
  if (!model) return NO_MODEL;
  if (!m03) return NO_CORPUS;
  if (process.getuid?.() !== 0) return 'skipped: unshare -n needs root';
  for (const tool of ['unshare', 'strace', 'ip']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `skipped: ${tool} is not installed`;
  }
  if (!existsSync('/usr/bin/chromium')) return 'skipped: /usr/bin/chromium is not installed';
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) return 'skipped: the page is not built (dist/renderer)';
  if (spawnSync('unshare', ['-n', 'true']).status !== 0) return 'skipped: unshare -n is not permitted here';
  return false;
}
const skip = why();

/** the programs that are ours: anything they connect to must be local */
const OURS = new Set(['node', 'ffmpeg', 'whisper-cli', 'unshare', 'sh', 'ip', 'strace']);

test(
  'a full session inside a network namespace with only loopback: our processes connect to nothing but 127.0.0.1/::1/unix',
  { skip },
  () => {
    const dir = tempDir('gijiroku-netns-');
    const clip = join(dir, '交通対策 20秒.flac');
    makeMedia(['-i', m03 ?? '', '-t', '20', clip]);
    const log = join(dir, 'connect.strace');
    const script = [
      'ip link set lo up',
      'echo "interfaces: $(ip -o link show | cut -d: -f2 | tr -d " " | tr "\\n" " ")" >&2',
      `exec strace -f -qq -s 256 -e trace=connect,execve,clone,clone3,fork,vfork -o '${log}' '${process.execPath}' '${join(__dirname, 'offlineSession.js')}' '${clip}' '${model}'`,
    ].join(' && ');
    const t0 = Date.now();
    const r = spawnSync('unshare', ['-n', 'sh', '-c', script], { encoding: 'utf8', timeout: 240_000 });
    const seconds = ((Date.now() - t0) / 1000).toFixed(0);
    assert.equal(r.status, 0, `session failed:\n${r.stderr}`);
    assert.match(r.stderr, /^interfaces: lo $/m, 'the namespace has loopback only');
    const session = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
      job: string;
      segments: number;
      cliExit: number;
      exports: number[];
      pageShowsMeeting: boolean;
    };
    assert.equal(session.job, 'done');
    assert.ok(session.segments > 0);
    assert.equal(session.pageShowsMeeting, true);
    assert.equal(session.cliExit, 0);
    assert.ok(
      session.exports.every((n) => n > 0),
      `exports written: ${session.exports.join(', ')}`,
    );

    const traced = readFileSync(log, 'utf8');
    for (const program of ['whisper-cli', 'chromium']) {
      assert.match(traced, new RegExp(`execve\\("[^"]*/${program}"`), `${program} ran under strace`);
    }
    // the decoder: FFmpeg 8 (node-av) in a node child, or an ffmpeg program where node-av is absent
    assert.match(
      traced,
      /execve\("[^"]*\/(node|ffmpeg)", \[[^\]]*(avDecodeChild\.js|"-protocol_whitelist")/,
      'the decoder ran under strace',
    );
    const attempts = parseStraceConnects(traced, 'node');
    const outside = attempts.filter((a) => !a.local);
    const ours = outside.filter((a) => OURS.has(a.program));
    const chromium = outside.filter((a) => !OURS.has(a.program));
    assert.ok(
      attempts.some((a) => a.address.startsWith('127.0.0.1:')),
      'the page reached the bridge on 127.0.0.1 (strace saw it)',
    );
    assert.deepEqual(ours, [], 'no connect() from node (the decoder included), ffmpeg or whisper-cli beyond loopback');
    assert.ok(
      chromium.every((a) => /chrom/i.test(a.program)),
      `only Chromium tried: ${JSON.stringify(chromium)}`,
    );
    const byProgram = new Map<string, number>();
    for (const a of attempts)
      byProgram.set(
        `${a.program} ${a.local ? 'local' : 'outside'}`,
        (byProgram.get(`${a.program} ${a.local ? 'local' : 'outside'}`) ?? 0) + 1,
      );
    console.log(
      `# offline session in ${seconds} s: ${session.segments} segments; connect() calls by program: ${[...byProgram].map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    );
    const distinct = new Map<string, { pids: Set<number>; n: number; result: string }>();
    for (const a of chromium) {
      const d = distinct.get(a.address) ?? { pids: new Set<number>(), n: 0, result: a.result };
      d.pids.add(a.pid);
      d.n++;
      distinct.set(a.address, d);
    }
    for (const [address, d] of distinct)
      console.log(`# Chromium's own attempts: ${address} ×${d.n} from pids ${[...d.pids].join(',')} → ${d.result}`);
    rmSync(dir, { recursive: true, force: true });
  },
);
