// Bundles electron/preload.ts into dist/electron/preload.js: a sandboxed preload can require
// only 'electron', so the contract's method list (native/common/api.ts API_METHODS, composed from
// native/common/api/<domain>.ts) and the channel names are inlined here rather than copied by hand.
// Run by scripts/setup.sh.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BANNER = '// bundled by scripts/bundlePreload.mjs from electron/preload.ts';

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    lib: { entry: 'electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.js' },
    outDir: 'dist/electron',
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    target: 'es2022',
    rollupOptions: { external: ['electron'], output: { banner: BANNER } },
  },
});
