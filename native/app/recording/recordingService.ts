// Recording in the app: the recorder (native/recording) behind the API; a live draft loads a model, so
// the model passes the same gate as a transcription.
import type { RecordingApi } from '../../common/api';
import type { ModelGate } from '../../models/allowedModel';
import type { Recorder } from '../../recording/recorder';

export interface RecordingServiceOptions {
  recorder: Recorder;
  models: ModelGate;
}

export function createRecordingService({ recorder, models }: RecordingServiceOptions): RecordingApi {
  return {
    startRecording: async (meeting, modelPath) => recorder.startRecording(meeting, modelPath === '' ? '' : await models.check(modelPath)),
    appendRecording: recorder.appendRecording,
    getRecording: recorder.getRecording,
    stopRecording: recorder.stopRecording,
    listRecoveredRecordings: recorder.listRecoveredRecordings,
  };
}
