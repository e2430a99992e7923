import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { API_METHODS } from '../../native/common/api';
import { API_SCHEMAS, parseApiArgs } from '../../native/app/apiSchemas';
import { dispatchApiCall } from '../../native/app/dispatchApiCall';
import { createApiService } from '../../native/app/createApiService';
import { openStore } from '../../native/store/openStore';
import type { EditOp } from '../../native/common/api';
import { isGijirokuError } from '../../native/common/errors';
import { tempDir } from '../helpers/fixtures';
import { sampleTranscript } from '../helpers/transcripts';
import { MEETING } from './appFixtures';

test('every API method has a schema', () => {
  assert.deepEqual(Object.keys(API_SCHEMAS).sort(), [...API_METHODS].sort());
});

test('good arguments pass unchanged', () => {
  const edit = { kind: 'replaceAll', find: 'えー', replace: '', regex: false, caseSensitive: true };
  assert.deepEqual(parseApiArgs('applyEdit', [3, edit]), { ok: true, args: [3, edit] });
  assert.deepEqual(parseApiArgs('createMeeting', [MEETING, '/録音/本会議.mp3']), { ok: true, args: [MEETING, '/録音/本会議.mp3'] });
  assert.equal(parseApiArgs('startRecording', [{ ...MEETING, title: '', date: '' }, '']).ok, true, 'a recording fills them in');
  assert.equal(parseApiArgs('listJobs', []).ok, true);
  const add = { kind: 'addSpeaker', name: '山田太郎', role: '議長' };
  assert.deepEqual(parseApiArgs('applyEdit', [3, add]), { ok: true, args: [3, add] });
  assert.equal(parseApiArgs('applyEdit', [3, { kind: 'addSpeaker', name: 'あ'.repeat(100), role: 'い'.repeat(50) }]).ok, true);
  assert.equal(parseApiArgs('recordListened', [1, 10.5, 12]).ok, true);
});

test('bad arguments are refused with a Japanese and an English message', () => {
  const cases: [Parameters<typeof parseApiArgs>[0], unknown][] = [
    ['getMeeting', ['1']],
    ['getMeeting', [1.5]],
    ['getMeeting', [-1]],
    ['getMeeting', []],
    ['getMeeting', [1, 2]],
    ['listJobs', [1]],
    ['createMeeting', [{ ...MEETING, date: '2024/06/12' }, 'a.wav']],
    ['createMeeting', [{ ...MEETING, date: '2024-13-45' }, 'a.wav']],
    ['createMeeting', [{ ...MEETING, extra: 1 }, 'a.wav']],
    ['createMeeting', [MEETING, '']],
    ['createMeeting', [MEETING, 'a\0b.wav']],
    ['updateMeeting', [1, { title: 'x' }]],
    ['createMeeting', [{ ...MEETING, date: '' }, 'a.wav']],
    ['createMeeting', [{ ...MEETING, title: ' 　' }, 'a.wav']],
    ['startRecording', [{ ...MEETING, date: '2024-02-30' }, '']],
    ['applyEdit', [1, { kind: 'split', segmentId: 1, offset: 0 }]],
    ['applyEdit', [1, { kind: 'explode', segmentId: 1 }]],
    ['applyEdit', [1, { kind: 'setText', segmentId: 1 }]],
    ['applyEdit', [1, { kind: 'replaceAll', find: '', replace: 'x', regex: false, caseSensitive: false }]],
    ['applyEdit', [1, { kind: 'addSpeaker', name: '', role: '' }]],
    ['applyEdit', [1, { kind: 'addSpeaker', name: ' 　', role: '' }]],
    ['applyEdit', [1, { kind: 'addSpeaker', name: 'あ'.repeat(101), role: '' }]],
    ['applyEdit', [1, { kind: 'addSpeaker', name: '山田', role: 'い'.repeat(51) }]],
    ['applyEdit', [1, { kind: 'addSpeaker', name: '山田' }]],
    ['applyEdit', [1, { kind: 'addSpeaker', name: '山田', role: '', speakerId: 2 }]],
    ['recordListened', [1, 20, 10]],
    ['recordListened', [1, -1, 10]],
    ['recordListened', [1, 0, Infinity]],
    ['startTranscription', [1, 42]],
    ['listMeetings', ['x'.repeat(501)]],
    ['getMeeting', 'not an array'],
  ];
  for (const [method, args] of cases) {
    const r = parseApiArgs(method, args);
    assert.equal(r.ok, false, `${method} ${JSON.stringify(args)} should be refused`);
    if (r.ok) continue;
    assert.match(r.text.ja, /入力内容が正しくありません/);
    assert.match(r.text.ja, /[ぁ-んァ-ン一-龯]/);
    assert.match(r.text.en, /^Invalid input \(/);
    assert.ok(r.text.en.includes(method));
  }
  const r = parseApiArgs('createMeeting', [{ ...MEETING, date: 'yesterday' }, 'a.wav']);
  assert.ok(!r.ok && r.text.en.includes('args[0].date'), 'the message names the field');
});

test('the API and the store take and refuse the same meeting, edit and term values (one schema each)', () => {
  const dataDir = tempDir();
  const store = openStore(join(dataDir, 'gijiroku.sqlite'));
  try {
    const meetingId = store.createMeeting(MEETING, { path: join(dataDir, 'a.wav'), durationS: 60 }).id;
    store.importTranscript(meetingId, sampleTranscript());
    const segmentId = store.getTranscript(meetingId).segments[0]?.id ?? 0;
    const speakerId = store.getTranscript(meetingId).speakers[0]?.id ?? 0;
    /** what the API says about the value, and whether the store took it */
    const both = (apiOk: boolean, storeCall: () => unknown): [boolean, boolean] => {
      try {
        storeCall();
        return [apiOk, true];
      } catch (e) {
        assert.ok(isGijirokuError(e), String(e));
        return [apiOk, false];
      }
    };
    const meetings: [string, typeof MEETING, boolean][] = [
      ['empty title', { ...MEETING, title: '' }, false],
      ['blank title', { ...MEETING, title: '　 ' }, false],
      ['empty date', { ...MEETING, date: '' }, false],
      ['not a calendar date', { ...MEETING, date: '2023-02-29' }, false],
      ['a 200-character title', { ...MEETING, title: '会'.repeat(200) }, true],
      ['a 201-character title', { ...MEETING, title: '会'.repeat(201) }, false],
    ];
    for (const [what, meeting, expected] of meetings) {
      assert.deepEqual(
        both(parseApiArgs('updateMeeting', [meetingId, meeting]).ok, () => store.updateMeeting(meetingId, meeting)),
        [expected, expected],
        what,
      );
    }
    const edits: [string, EditOp, boolean][] = [
      ['split at 0', { kind: 'split', segmentId, offset: 0 }, false],
      ['split at 2', { kind: 'split', segmentId, offset: 2 }, true],
      ['a 100-character name', { kind: 'renameSpeaker', speakerId, name: '名'.repeat(100), role: '議長' }, true],
      ['a 101-character name', { kind: 'renameSpeaker', speakerId, name: '名'.repeat(101), role: '議長' }, false],
      ['a 51-character role', { kind: 'renameSpeaker', speakerId, name: '山田', role: '職'.repeat(51) }, false],
      ['a blank new speaker', { kind: 'addSpeaker', name: ' 　', role: '' }, false],
    ];
    for (const [what, op, expected] of edits) {
      assert.deepEqual(
        both(parseApiArgs('applyEdit', [meetingId, op]).ok, () => store.applyEdit(meetingId, op)),
        [expected, expected],
        what,
      );
    }
    const term = { surface: '芝浦', reading: 'しばうら', kind: '地名' as const, misrecognitions: [], enabled: true, note: '' };
    const terms: [string, typeof term, boolean][] = [
      ['a term', term, true],
      ['a blank reading', { ...term, reading: ' ' }, false],
      ['a 1001-character note', { ...term, note: 'x'.repeat(1001) }, false],
    ];
    for (const [what, t, expected] of terms) {
      assert.deepEqual(
        both(parseApiArgs('saveTerm', [t]).ok, () => store.saveTerm(t)),
        [expected, expected],
        what,
      );
    }
  } finally {
    store.close();
  }
});

test('dispatch on the real service: values and GijirokuErrors become ApiReplies; unexpected errors get a generic text, never a stack', async () => {
  const dataDir = tempDir();
  const store = openStore(join(dataDir, 'gijiroku.sqlite'));
  const service = createApiService({ store, dataDir, mediaUrl: (id) => `/media/${id}` });
  try {
    assert.deepEqual(await dispatchApiCall(service, 'listJobs', []), { ok: true, value: [] });
    const missing = await dispatchApiCall(service, 'getMeeting', [999]);
    assert.equal(missing.ok, false);
    if (!missing.ok) {
      assert.equal(missing.error.code, 'BAD_ARGUMENTS');
      assert.match(missing.error.text.ja, /見つかりません/);
      assert.match(missing.error.text.en, /999/);
    }
    const bad = await dispatchApiCall(service, 'getMeeting', ['x']);
    assert.ok(!bad.ok && bad.error.code === 'BAD_ARGUMENTS');
    for (const name of ['constructor', '__proto__', 'close', 'toString']) {
      const unknown = await dispatchApiCall(service, name, []);
      assert.ok(!unknown.ok && unknown.error.code === 'UNKNOWN_METHOD', name);
    }
  } finally {
    await service.close();
    store.close();
  }
  // a closed database makes better-sqlite3 throw a plain TypeError: the page gets a generic message, the log gets the details
  const origWrite = process.stderr.write;
  let logged = '';
  process.stderr.write = ((s: string) => {
    logged += s;
    return true;
  }) as typeof process.stderr.write;
  let reply;
  try {
    reply = await dispatchApiCall(service, 'listMeetings', ['']);
  } finally {
    process.stderr.write = origWrite;
  }
  assert.equal(reply.ok, false);
  if (!reply.ok) {
    assert.equal(reply.error.code, 'INTERNAL');
    assert.match(reply.error.text.ja, /予期しない問題/);
    assert.match(reply.error.text.en, /unexpected problem/);
    assert.ok(!/at |node_modules|sqlite/i.test(JSON.stringify(reply)), 'no internals reach the page');
  }
  assert.match(logged, /listMeetings failed/);
});
