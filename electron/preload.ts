// The page's only way out: window.gijiroku, one function per API method, each
// forwarding to ipcMain over `gijiroku:<method>`. A sandboxed preload can
// require only 'electron' (Electron runs it wrapped as
// `function (require, process, exports, module, …)`), so the method list is
// inlined rather than imported; the type checks below keep it equal to API_METHODS.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiMethod, ApiReply, GijirokuApi, PickedFile, PickKind } from '../native/common/api';

const METHODS = [
  'listMeetings', 'createMeeting', 'getMeeting', 'updateMeeting', 'relinkMedia', 'listModels',
  'startTranscription', 'listJobs', 'cancelJob', 'getTranscript', 'applyEdit', 'undo', 'redo',
  'recordListened', 'getCoverage', 'mediaUrl',
  'listTerms', 'importTerms', 'exportTermsBase64', 'saveTerm', 'deleteTerm',
  'listCorrections', 'dismissCorrection', 'getCouncilSettings', 'saveCouncilSettings', 'resetCouncilSettings',
  'cleanTexts', 'exportMeetingBase64',
  'getRoster', 'saveRoster', 'importRoster', 'listSpeakerLabels', 'suggestSpeakerLabels', 'setSpeakerMember', 'confirmSpeakers',
  'importModel',
  'startRecording', 'appendRecording', 'getRecording', 'stopRecording', 'listRecoveredRecordings',
  'deleteMeeting',
] as const satisfies readonly ApiMethod[];

// compile-time: every ApiMethod is in METHODS (the `satisfies` above checks the other direction)
type Missing = Exclude<ApiMethod, (typeof METHODS)[number]>;
const METHODS_COMPLETE: Record<Missing, never> = {};
void METHODS_COMPLETE;

/** what the desktop adds beside the API: a file dialog run by main, answering with a one-time handle (never a path) */
interface DesktopExtras {
  pickFile(kind: PickKind): Promise<PickedFile | null>;
}

async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(`gijiroku:${method}`, ...args)) as ApiReply<unknown>;
  if (reply.ok) return reply.value;
  // a plain object: contextBridge keeps its fields, whereas an Error would arrive as its message only
  return Promise.reject({ code: reply.error.code, text: reply.error.text, message: reply.error.text.en });
}

const api: Partial<Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>> = {};
for (const method of METHODS) api[method] = (...args: unknown[]) => call(method, args);

const exposed: GijirokuApi & DesktopExtras = {
  // each entry forwards its arguments unchanged and main validates them; the types come from GijirokuApi
  ...(api as unknown as GijirokuApi),
  // electron/filePicker.ts PICK_FILE_CHANNEL (a sandboxed preload cannot import it)
  pickFile: (kind: PickKind) => ipcRenderer.invoke('gijiroku-desktop:pickFile', kind) as Promise<PickedFile | null>,
};
contextBridge.exposeInMainWorld('gijiroku', exposed);
