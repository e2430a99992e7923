// The microphone through Web Audio: a 16 kHz AudioContext (the browser
// resamples the device) and the pcm-capture worklet, which posts 100 ms blocks.

export const CAPTURE_RATE = 16000;

export interface MicCapture {
  close(): Promise<void>;
}

export interface CaptureBlock {
  pcm: Int16Array;
  /** 0..1 */
  peak: number;
}

export async function listInputDevices(): Promise<MediaDeviceInfo[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.filter((d) => d.kind === 'audioinput');
}

/** Opens the device (or the default one for '') and calls onBlock for each 100 ms of audio. */
export async function openMic(deviceId: string, onBlock: (block: CaptureBlock) => void): Promise<MicCapture> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      // a council hall's microphones feed a mixer: the browser's voice-call processing only hurts
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
      channelCount: 1,
    },
  });
  const context = new AudioContext({ sampleRate: CAPTURE_RATE });
  try {
    await context.audioWorklet.addModule(new URL('pcmCapture.worklet.js', document.baseURI).href);
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, 'pcm-capture', { numberOfInputs: 1, numberOfOutputs: 0 });
    node.port.onmessage = (e: MessageEvent<CaptureBlock>) => onBlock(e.data);
    source.connect(node);
    if (context.state !== 'running') await context.resume();
  } catch (e) {
    stream.getTracks().forEach((t) => t.stop());
    await context.close();
    throw e;
  }
  return {
    close: async () => {
      stream.getTracks().forEach((t) => t.stop());
      await context.close();
    },
  };
}

/** little-endian bytes of the samples, base64, for appendRecording */
export function pcmToBase64(blocks: Int16Array[]): string {
  const total = blocks.reduce((n, b) => n + b.length, 0);
  const bytes = new Uint8Array(total * 2);
  let at = 0;
  for (const b of blocks) {
    bytes.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), at);
    at += b.byteLength;
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
