// Session-wide rules for the window: no request leaves the app's own origin, the
// CSP is on every response, no permission but the microphone, no new windows,
// no navigation away.
import type { App, Session } from 'electron';
import { permissionAllowed } from './mediaPermission';
import { requestAllowed } from './networkPolicy';
import { APP_ORIGIN } from '../native/serving/appRequest';
import { CONTENT_SECURITY_POLICY } from '../native/serving/securityHeaders';

export function lockDownSession(session: Session, staticDir: string): void {
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = requestAllowed(details.url, staticDir);
    if (!allowed) process.stderr.write(`gijiroku: blocked request to ${details.url.slice(0, 200)}\n`);
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // only the microphone, for recording a meeting (electron/mediaPermission.ts)
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const d = details as { requestingUrl?: string; mediaTypes?: string[] };
    callback(permissionAllowed(permission, d.requestingUrl ?? '', d.mediaTypes ?? []));
  });
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, undefined));
  session.setSpellCheckerEnabled(false);
}

export function lockDownContents(app: App): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (url !== APP_ORIGIN && !url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
