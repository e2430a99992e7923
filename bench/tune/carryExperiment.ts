import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_RATE } from '../../native/audio/wavHeader';
import { assembleTranscript } from '../../native/engine/assembleTranscript';
import { guardSegments, hasLanguageDrift } from '../../native/engine/hallucinationGuards';
import { planPieces } from '../../native/engine/planPieces';
import { loadPiece, transcribePieces } from '../../native/engine/transcribePieces';
import { characterErrorRate } from '../../native/eval/characterErrorRate';
import { defaultModel } from '../../native/models/findModels';
import { decodeArgs, DEFAULT_DECODE } from '../../native/whisper/decodeOptions';
import { findWhisperCli } from '../../native/whisper/findWhisperCli';
import { configDir, prepare } from './tuneCache';

/** Experiment: each piece decoded with the text of the piece before as its prompt (whisper's own context carry, made resumable). */
async function main(): Promise<void> {
  const [names = 'm05_tomi_yosantokubetsu', carryChars = '120', beam = '5'] = process.argv.slice(2);
  const model = defaultModel()?.path ?? '';
  for (const name of names.split(',')) {
    const rec = await prepare(name);
    const decode = { ...DEFAULT_DECODE, threads: 2, beamSize: Number(beam), bestOf: Number(beam), dtw: 'base' };
    const dir = configDir(rec, { carry: Number(carryChars), decode });
    const pieces = planPieces(rec.regions, rec.samples, { pad: 0.3 * SAMPLE_RATE, maxPiece: 29.5 * SAMPLE_RATE, lookback: 10 * SAMPLE_RATE });
    let previous = '';
    const t0 = performance.now();
    for (const p of pieces) {
      const prompt = previous.slice(-Number(carryChars));
      if (loadPiece(dir, p.index, 'main') === null) {
        await transcribePieces({ jobDir: dir, pcmPath: rec.pcmPath, binary: findWhisperCli().path, model }, [[p]], 'main', decodeArgs({ ...decode, prompt }));
      }
      const text = guardSegments(loadPiece(dir, p.index, 'main') ?? []).kept.map((s) => s.text).join('');
      previous = hasLanguageDrift(text) ? '' : text;
    }
    const timing = join(dir, 'wall.json');
    if (!existsSync(timing)) writeFileSync(timing, JSON.stringify((performance.now() - t0) / 1000));
    const results = pieces.map((piece) => { const raw = loadPiece(dir, piece.index, 'main') ?? []; return { piece, raw, segments: guardSegments(raw).kept, retried: false }; });
    const text = assembleTranscript(results).segments.map((s) => s.text).join('');
    console.log(name, 'carry', carryChars, 'beam', beam, 'CER', characterErrorRate(rec.reference.map((s) => s.text).join(''), text).toFixed(3), 'wall', readFileSync(timing, 'utf8'));
  }
}
main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
