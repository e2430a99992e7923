import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));

// The page is served from a file:// or a token-protected 127.0.0.1 origin, so every
// asset path is relative and nothing is ever fetched from the network.
export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
