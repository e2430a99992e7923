import { ApiError } from './apiError';

/**
 * Sends a dropped or chosen file to the local bridge (a plain browser cannot hand over a path)
 * and resolves with the path the service stored it at. XHR because fetch has no upload progress.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    // authorised by the session cookie, never by a token in the URL
    xhr.open('POST', `./upload?name=${encodeURIComponent(file.name)}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError('UPLOAD_FAILED', {
          ja: 'ファイルを送れませんでした。アプリが起動しているか確認してください。',
          en: 'The file could not be sent. Check that the app is running.',
        }),
      );
    xhr.onload = () => {
      try {
        const reply = JSON.parse(xhr.responseText) as
          { ok: true; value: string } | { ok: false; error: { code: string; text: { ja: string; en: string } } };
        if (reply.ok) resolve(reply.value);
        else reject(new ApiError(reply.error.code, reply.error.text));
      } catch {
        reject(
          new ApiError('UPLOAD_FAILED', {
            ja: `ファイルを送れませんでした（HTTP ${xhr.status}）。`,
            en: `The file could not be sent (HTTP ${xhr.status}).`,
          }),
        );
      }
    };
    xhr.send(file);
  });
}
