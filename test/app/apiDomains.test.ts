// The API split by domain: each domain's contract (native/common/api/<domain>.ts) lists its methods, its
// schema table beside its service checks exactly those, and the composed API is every domain once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_METHODS } from '../../native/common/api';
import { EXPORT_METHODS } from '../../native/common/api/export';
import { JOBS_METHODS } from '../../native/common/api/jobs';
import { MEETINGS_METHODS } from '../../native/common/api/meetings';
import { MODELS_METHODS } from '../../native/common/api/models';
import { RECORDING_METHODS } from '../../native/common/api/recording';
import { SETTINGS_METHODS } from '../../native/common/api/settings';
import { SPEAKERS_METHODS } from '../../native/common/api/speakers';
import { TERMS_METHODS } from '../../native/common/api/terms';
import { TRANSCRIPT_METHODS } from '../../native/common/api/transcript';
import { EXPORT_SCHEMAS } from '../../native/app/export/exportSchemas';
import { JOBS_SCHEMAS } from '../../native/app/jobs/jobsSchemas';
import { MEETINGS_SCHEMAS } from '../../native/app/meetings/meetingsSchemas';
import { MODELS_SCHEMAS } from '../../native/app/models/modelsSchemas';
import { RECORDING_SCHEMAS } from '../../native/app/recording/recordingSchemas';
import { SETTINGS_SCHEMAS } from '../../native/app/settings/settingsSchemas';
import { SPEAKERS_SCHEMAS } from '../../native/app/speakers/speakersSchemas';
import { TERMS_SCHEMAS } from '../../native/app/terms/termsSchemas';
import { TRANSCRIPT_SCHEMAS } from '../../native/app/transcript/transcriptSchemas';
import { withService } from '../helpers/service';

const DOMAINS: [string, readonly string[], object][] = [
  ['meetings', MEETINGS_METHODS, MEETINGS_SCHEMAS],
  ['jobs', JOBS_METHODS, JOBS_SCHEMAS],
  ['transcript', TRANSCRIPT_METHODS, TRANSCRIPT_SCHEMAS],
  ['terms', TERMS_METHODS, TERMS_SCHEMAS],
  ['speakers', SPEAKERS_METHODS, SPEAKERS_SCHEMAS],
  ['recording', RECORDING_METHODS, RECORDING_SCHEMAS],
  ['settings', SETTINGS_METHODS, SETTINGS_SCHEMAS],
  ['models', MODELS_METHODS, MODELS_SCHEMAS],
  ['export', EXPORT_METHODS, EXPORT_SCHEMAS],
];

test("each domain's schema table checks exactly the methods its contract lists", () => {
  for (const [domain, methods, schemas] of DOMAINS) assert.deepEqual(Object.keys(schemas).sort(), [...methods].sort(), domain);
});

test('every method belongs to one domain, and the domains together are API_METHODS', () => {
  const all = DOMAINS.flatMap(([, methods]) => methods);
  assert.equal(new Set(all).size, all.length, 'a method in two domains');
  assert.deepEqual([...all].sort(), [...API_METHODS].sort());
  assert.equal(new Set(API_METHODS).size, API_METHODS.length);
});

test("the composed service offers every API method and, beside them, only main's close and grantFile", async () => {
  await withService(async ({ service }) => {
    const offered = Object.entries(service)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k);
    assert.deepEqual(offered.sort(), [...API_METHODS, 'close', 'grantFile'].sort());
    // a call goes to its domain's service: settings, meetings and terms answer from the same store
    assert.equal((await service.getSettings()).language, 'ja');
    assert.deepEqual(await service.listMeetings(''), []);
    assert.deepEqual(await service.listTerms(), []);
  });
});
