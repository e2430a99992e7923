// Runs diarize() in a child process: the embedding extractor's native call is
// synchronous, and onnxruntime aborts the whole process on a corrupt model,
// which must not take the transcript down with it.
import { isGijirokuError } from '../common/errors';
import { diarize, type DiarizeRequest } from './diarize';

export type ChildMessage =
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; result: ReturnType<typeof diarize> }
  | { kind: 'failed'; code: string | null; ja: string; en: string };

function run(req: Omit<DiarizeRequest, 'onProgress'>): void {
  const post = (m: ChildMessage): void => { process.send?.(m); };
  let last = 0;
  try {
    const result = diarize({ ...req, onProgress: (fraction) => {
      if (fraction - last >= 0.01 || fraction === 1) { last = fraction; post({ kind: 'progress', fraction }); }
    } });
    post({ kind: 'done', result });
  } catch (e) {
    if (isGijirokuError(e)) post({ kind: 'failed', code: e.code, ja: e.text.ja, en: e.text.en });
    else post({ kind: 'failed', code: null, ja: String(e), en: e instanceof Error ? e.message : String(e) });
  }
  process.disconnect?.();
}

if (require.main === module) {
  process.once('message', (req: Omit<DiarizeRequest, 'onProgress'>) => run(req));
}
