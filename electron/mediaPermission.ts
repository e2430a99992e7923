// The one permission the window may have: the microphone (audio only, never the
// camera or the screen), for the app's own page, to record a meeting. Pure, so it
// is tested without Electron.
import { APP_ORIGIN } from '../native/serving/appRequest';

export function permissionAllowed(permission: string, origin: string, mediaTypes: readonly string[] | undefined): boolean {
  if (permission !== 'media') return false;
  if (origin !== APP_ORIGIN && !origin.startsWith(`${APP_ORIGIN}/`)) return false;
  // the check handler gets no media types: audio-only is enforced when the request comes
  return mediaTypes === undefined || (mediaTypes.length > 0 && mediaTypes.every((t) => t === 'audio'));
}
