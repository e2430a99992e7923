import { useCallback, useEffect, useRef, useState } from 'react';
import type { Meeting, MeetingInput } from '../../../../native/common/api';
import { useModels } from '../../hooks/useModels';
import { formatClock } from '../../components/formatClock';
import { useNotices } from '../../components/Notices';
import { useI18n } from '../../i18n/i18n';
import { useSettings } from '../../settings/SettingsProvider';
import { MeetingForm, todayIso } from '../library/ImportPanel/MeetingForm';
import { ModelSelect } from '../library/ModelSelect';
import { LevelMeter } from './LevelMeter';
import { listInputDevices } from './micCapture';
import { useRecorder } from './useRecorder';

interface Props {
  onBack(): void;
  onStopped(meeting: Meeting): void;
}

/** Record a meeting in the app: device, level, record / pause / resume / stop, and the draft as it grows. */
export function RecordingScreen({ onBack, onStopped }: Props) {
  const { t } = useI18n();
  const { reportError } = useNotices();
  const [form, setForm] = useState<MeetingInput>(() => ({ title: '', body: '', date: todayIso(), place: '' }));
  const { models, modelPath, chooseModel } = useModels(reportError);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const { settings, save } = useSettings();
  const [deviceId, setDeviceId] = useState(settings.inputDeviceId);
  const rec = useRecorder(reportError);
  const draftEnd = useRef<HTMLLIElement | null>(null);

  const refreshDevices = useCallback(() => {
    listInputDevices().then((list) => {
      setDevices(list);
      setDeviceId((current) => (list.some((d) => d.deviceId === current) ? current : (list[0]?.deviceId ?? '')));
    }, reportError);
  }, [reportError]);
  // device names are hidden until the page may use the microphone: ask once, then list
  // (reportError, and so refreshDevices, stays the same for the life of the page)
  useEffect(() => {
    navigator.mediaDevices.getUserMedia({ audio: true }).then(
      (s) => {
        s.getTracks().forEach((tr) => tr.stop());
        refreshDevices();
      },
      () => refreshDevices(),
    );
  }, [refreshDevices]);

  const draft = rec.status?.draft ?? [];
  useEffect(() => {
    draftEnd.current?.scrollIntoView({ block: 'nearest' });
  }, [draft.length]);

  const busy = rec.phase !== 'idle';
  const start = () => {
    if (deviceId !== settings.inputDeviceId) save({ inputDeviceId: deviceId }).catch(reportError);
    void rec.start(form, modelPath, deviceId);
  };
  const stop = async () => {
    const meeting = await rec.stop();
    if (meeting) onStopped(meeting);
  };

  return (
    <main className="recording" data-testid="recording-screen">
      <section className="panel recording-controls" aria-label={t('recordTitle')}>
        <div className="recording-title">
          <h2>{t('recordTitle')}</h2>
          <button type="button" className="button" onClick={onBack} disabled={busy}>
            {t('back')}
          </button>
        </div>
        <fieldset disabled={busy} className="recording-setup">
          <MeetingForm value={form} onChange={setForm} />
          <label className="inline-label">
            {t('recordDevice')}
            <select data-testid="record-device" value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>
              {devices.length === 0 && <option value="">{t('recordDefaultDevice')}</option>}
              {devices.map((d, i) => (
                <option key={d.deviceId || i} value={d.deviceId}>
                  {d.label || `${t('recordDevice')} ${i + 1}`}
                </option>
              ))}
            </select>
          </label>
          <ModelSelect models={models} value={modelPath} onChange={chooseModel} />
        </fieldset>
        <LevelMeter peak={busy ? rec.level : 0} />
        <div className="recording-clock">
          <span className={`recording-dot recording-dot-${rec.phase}`} aria-hidden="true" />
          <span data-testid="record-elapsed" className="recording-elapsed">
            {formatClock(rec.savedS)}
          </span>
          <span className="muted" data-testid="record-phase">
            {t(`recordPhase_${rec.phase}`)}
          </span>
        </div>
        <div className="form-actions">
          {rec.phase === 'idle' && (
            <button type="button" className="button button-primary" data-testid="record-start" onClick={start}>
              {t('recordStart')}
            </button>
          )}
          {rec.phase === 'recording' && (
            <button type="button" className="button" data-testid="record-pause" onClick={rec.pause}>
              {t('recordPause')}
            </button>
          )}
          {rec.phase === 'paused' && (
            <button type="button" className="button" data-testid="record-resume" onClick={rec.resume}>
              {t('recordResume')}
            </button>
          )}
          {(rec.phase === 'recording' || rec.phase === 'paused') && (
            <button type="button" className="button button-danger" data-testid="record-stop" onClick={() => void stop()}>
              {t('recordStop')}
            </button>
          )}
        </div>
        {!modelPath && <p className="muted">{t('recordNoDraft')}</p>}
      </section>
      <section className="panel recording-draft" aria-label={t('recordDraft')}>
        <div className="recording-title">
          <h2>{t('recordDraft')}</h2>
          {rec.status && rec.status.draftLagS > 0 && busy && (
            <span className="muted" data-testid="draft-lag">
              {t('recordDraftLag')} {Math.round(rec.status.draftLagS)} {t('seconds')}
            </span>
          )}
        </div>
        {draft.length === 0 ? (
          <p className="muted" data-testid="draft-empty">
            {t('recordDraftEmpty')}
          </p>
        ) : (
          <ol className="draft-lines" data-testid="draft">
            {draft.map((line, i) => (
              <li key={`${line.start}-${i}`} data-testid="draft-line" ref={i === draft.length - 1 ? draftEnd : undefined}>
                <span className="draft-time">{formatClock(line.start)}</span>
                <span>{line.text}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
