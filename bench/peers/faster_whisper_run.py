#!/usr/bin/env python3
"""Run faster-whisper once on one audio file and write a JSON result.

Peer-engine runner for the Gijiroku benchmark. Run it with the venv's python
made by setup-faster-whisper.sh:

  python faster_whisper_run.py --model DIR --audio FILE --language ja \
      --threads 2 --beam-size 5 [--compute-type int8] [--vad] --out OUT.json

Output JSON:
  {"segments": [{"start", "end", "text"}], "text": str,
   "load_s": float, "transcribe_s": float, "total_s": float, ...extra info}

load_s       WhisperModel(...) construction (model.bin read, tokenizer).
transcribe_s transcribe() call (audio decode, features) plus full consumption
             of the lazy segment generator (the actual decoding).
total_s      load_s + transcribe_s, measured as one span.
The model is always loaded from the local directory; hub access is disabled.
"""
import os

# Never touch a model hub: the model directory must be complete locally.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", required=True, help="CTranslate2 Whisper model directory")
    p.add_argument("--audio", required=True, help="audio file (anything PyAV decodes)")
    p.add_argument("--language", default="ja")
    p.add_argument("--threads", type=int, default=2, help="cpu_threads (intra-op)")
    p.add_argument("--beam-size", type=int, default=5)
    p.add_argument("--compute-type", default="int8",
                   help="CTranslate2 compute type: int8, int8_float32, float32, default, ...")
    p.add_argument("--vad", action="store_true", help="enable faster-whisper's Silero VAD filter")
    p.add_argument("--out", required=True, help="output JSON path")
    a = p.parse_args()

    for f in ("model.bin", "config.json", "tokenizer.json"):
        if not os.path.isfile(os.path.join(a.model, f)):
            print(f"faster_whisper_run: {a.model}/{f} missing; run setup-faster-whisper.sh",
                  file=sys.stderr)
            return 2
    if not os.path.isfile(a.audio):
        print(f"faster_whisper_run: audio not found: {a.audio}", file=sys.stderr)
        return 2

    t_imp = time.perf_counter()
    import ctranslate2
    import faster_whisper
    from faster_whisper import WhisperModel
    import_s = time.perf_counter() - t_imp

    t0 = time.perf_counter()
    model = WhisperModel(
        a.model,
        device="cpu",
        compute_type=a.compute_type,
        cpu_threads=a.threads,
        local_files_only=True,
    )
    t1 = time.perf_counter()
    seg_iter, info = model.transcribe(
        a.audio,
        language=a.language,
        beam_size=a.beam_size,
        vad_filter=a.vad,
    )
    segments = [
        {"start": round(s.start, 3), "end": round(s.end, 3), "text": s.text}
        for s in seg_iter  # decoding happens here; consume it all inside the timing
    ]
    t2 = time.perf_counter()

    load_s = t1 - t0
    transcribe_s = t2 - t1
    total_s = t2 - t0
    text = "".join(s["text"] for s in segments).strip()
    audio_s = float(getattr(info, "duration", 0.0) or 0.0)

    result = {
        "segments": segments,
        "text": text,
        "load_s": round(load_s, 3),
        "transcribe_s": round(transcribe_s, 3),
        "total_s": round(total_s, 3),
        # extra context for the bench report
        "import_s": round(import_s, 3),
        "audio_s": round(audio_s, 3),
        "rtf": round(total_s / audio_s, 4) if audio_s > 0 else None,
        "engine": "faster-whisper",
        "engine_version": faster_whisper.__version__,
        "ctranslate2_version": ctranslate2.__version__,
        "params": {
            "model": os.path.abspath(a.model),
            "audio": os.path.abspath(a.audio),
            "language": a.language,
            "threads": a.threads,
            "beam_size": a.beam_size,
            "compute_type": a.compute_type,
            "vad_filter": a.vad,
        },
    }
    out_dir = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(out_dir, exist_ok=True)
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.replace(tmp, a.out)
    print(f"faster_whisper_run: {len(segments)} segments, audio {audio_s:.1f}s, "
          f"load {load_s:.2f}s, transcribe {transcribe_s:.2f}s, total {total_s:.2f}s "
          f"-> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
