const TOKEN_KEY = 'gijiroku.bridgeToken';

/**
 * The bridge token arrives once as ?token=… in the URL; it is kept in sessionStorage
 * so that reloads and in-app navigation keep working, and never leaves this tab.
 */
export function bridgeToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
