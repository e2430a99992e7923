import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { permissionAllowed } from '../../electron/mediaPermission';
import { APP_ORIGIN } from '../../native/serving/appRequest';

describe('Electron permissions: the microphone only, for the app page only', () => {
  it('grants audio capture to the app page', () => {
    assert.equal(permissionAllowed('media', `${APP_ORIGIN}/index.html#/record`, ['audio']), true);
    assert.equal(permissionAllowed('media', APP_ORIGIN, undefined), true);
  });
  it('refuses the camera, the screen, other permissions and other origins', () => {
    assert.equal(permissionAllowed('media', `${APP_ORIGIN}/`, ['audio', 'video']), false);
    assert.equal(permissionAllowed('media', `${APP_ORIGIN}/`, ['video']), false);
    assert.equal(permissionAllowed('media', `${APP_ORIGIN}/`, []), false);
    assert.equal(permissionAllowed('geolocation', `${APP_ORIGIN}/`, undefined), false);
    assert.equal(permissionAllowed('notifications', `${APP_ORIGIN}/`, undefined), false);
    assert.equal(permissionAllowed('media', 'https://example.com/', ['audio']), false);
    assert.equal(permissionAllowed('media', `${APP_ORIGIN}.evil.example/`, ['audio']), false);
  });
});
