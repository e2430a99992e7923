// The built renderer (dist/renderer/), served by the bridge and by Electron's
// app protocol. Pure path resolution; the callers read the file.
import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const STATIC_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function staticContentType(path: string): string {
  return STATIC_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or null. Paths that climb out of
 * root are refused; `/` and extension-less paths (client routes) get index.html.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const full = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (full !== base && !full.startsWith(base + sep)) return null;
  if (isFile(full)) return full;
  if (extname(full) === '') {
    const index = join(base, 'index.html');
    return isFile(index) ? index : null;
  }
  return null;
}

export function rendererBuilt(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

/** Shown until `dist/renderer/` exists; plain HTML that the strict CSP allows. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>議事録 Gijiroku</title></head>
<body>
<h1>議事録（Gijiroku）</h1>
<p>画面（UI）がまだビルドされていません。プロジェクトのフォルダで <code>npx vite build -c renderer/vite.config.ts</code> を実行してから、このページを再読み込みしてください。</p>
<p lang="en">The user interface has not been built yet. Build the renderer (dist/renderer/) and reload this page.</p>
</body></html>
`;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
