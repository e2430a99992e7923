import { useState } from 'react';
import type { MeetingInput, ModelInfo } from '../../../../../native/common/api';
import { api, type ChosenFile } from '../../../api/api';
import { ProgressBar } from '../../../components/ProgressBar';
import { useNotices } from '../../../components/Notices';
import { useI18n } from '../../../i18n/i18n';
import { ModelSelect } from '../ModelSelect';
import { DropZone } from './DropZone';
import { MeetingForm, todayIso } from './MeetingForm';

interface Props {
  models: ModelInfo[];
  modelPath: string;
  onModelChange(path: string): void;
  /** after the meeting exists and its transcription was started */
  onStarted(): void;
}

function emptyForm(fileName: string): MeetingInput {
  return { title: fileName.replace(/\.[^.]+$/, ''), body: '', date: todayIso(), place: '' };
}

/** Choose or drop a recording, describe the meeting, start transcribing. */
export function ImportPanel({ models, modelPath, onModelChange, onStarted }: Props) {
  const { t } = useI18n();
  const { reportError } = useNotices();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [form, setForm] = useState<MeetingInput>(emptyForm(''));
  const [uploadFraction, setUploadFraction] = useState<number | null>(null);

  const chooseFile = (f: ChosenFile) => {
    setFile(f);
    setForm((prev) => ({ ...emptyForm(f.name), body: prev.body, place: prev.place }));
  };

  const start = async () => {
    if (!file) return;
    setUploadFraction(0);
    try {
      const meeting = await api.createMeeting(form, await file.toRef(setUploadFraction));
      if (modelPath) await api.startTranscription(meeting.id, modelPath);
      setFile(null);
      onStarted();
    } catch (e) {
      reportError(e);
    } finally {
      setUploadFraction(null);
    }
  };

  return (
    <section className="panel import-panel" aria-label={t('importTitle')}>
      <h2>{t('importTitle')}</h2>
      <DropZone onFile={chooseFile} />
      {file && (
        <form
          className="import-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <p className="chosen-file">
            {t('fileChosen')}: <strong>{file.name}</strong>
          </p>
          <MeetingForm value={form} onChange={setForm} />
          <div className="form-actions">
            <ModelSelect models={models} value={modelPath} onChange={onModelChange} />
            <button type="submit" className="button button-primary" disabled={uploadFraction !== null || !form.title.trim()}>
              {uploadFraction !== null ? t('importing') : t('startTranscription')}
            </button>
          </div>
          {uploadFraction !== null && <ProgressBar fraction={uploadFraction} label={t('uploading')} />}
        </form>
      )}
    </section>
  );
}
