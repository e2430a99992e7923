// The part of sherpa-onnx-node (N-API, ships no typings) that Gijiroku uses.
declare module 'sherpa-onnx-node' {
  export interface SileroVadConfig {
    model: string;
    threshold: number;
    minSilenceDuration: number;
    minSpeechDuration: number;
    maxSpeechDuration: number;
    windowSize: number;
  }
  export interface VadConfig {
    sileroVad: SileroVadConfig;
    sampleRate: number;
    numThreads: number;
    debug: boolean;
    provider?: string;
  }
  export interface SpeechSegment {
    start: number;
    samples: Float32Array;
  }
  export class Vad {
    constructor(config: VadConfig, bufferSizeInSeconds: number);
    acceptWaveform(samples: Float32Array): void;
    isEmpty(): boolean;
    front(enableExternalBuffer?: boolean): SpeechSegment;
    pop(): void;
    flush(): void;
    reset(): void;
  }
}

// Speaker embeddings and the plain diarizer (native/diarize, bench/diarizationBench.ts).
declare module 'sherpa-onnx-node' {
  export interface SpeakerEmbeddingExtractorConfig {
    model: string;
    numThreads: number;
    debug: boolean | number;
    provider?: string;
  }
  export class OnlineStream {
    acceptWaveform(wave: { samples: Float32Array; sampleRate: number }): void;
    inputFinished(): void;
  }
  export class SpeakerEmbeddingExtractor {
    constructor(config: SpeakerEmbeddingExtractorConfig);
    readonly dim: number;
    createStream(): OnlineStream;
    isReady(stream: OnlineStream): boolean;
    compute(stream: OnlineStream, enableExternalBuffer?: boolean): Float32Array;
  }
  export interface OfflineSpeakerDiarizationConfig {
    segmentation: { pyannote: { model: string }; numThreads: number; debug: number };
    embedding: SpeakerEmbeddingExtractorConfig;
    clustering: { numClusters: number; threshold: number };
    minDurationOn: number;
    minDurationOff: number;
  }
  export interface SpeakerDiarizationSegment {
    start: number;
    end: number;
    speaker: number;
  }
  export class OfflineSpeakerDiarization {
    constructor(config: OfflineSpeakerDiarizationConfig);
    readonly handle: unknown;
    readonly sampleRate: number;
    process(samples: Float32Array): SpeakerDiarizationSegment[];
  }
  export function readWave(path: string, enableExternalBuffer?: boolean): { samples: Float32Array; sampleRate: number };
}
