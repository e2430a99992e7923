import type { Job } from '../../../../native/common/api';
import { ProgressBar } from '../../components/ProgressBar';
import { formatClock } from '../../components/formatClock';
import { useI18n } from '../../i18n/i18n';

/** One running or queued transcription: stage, bar, time left, cancel. */
export function JobProgress({ job, onCancel }: { job: Job; onCancel(job: Job): void }) {
  const { t } = useI18n();
  const progress = job.progress;
  const stage = job.state === 'queued' || !progress ? t('queued') : t(`stage_${progress.stage}`);
  const eta = progress?.eta_s;
  return (
    <div className="job" data-testid="job-progress">
      <div className="job-line">
        <span className="job-stage">{stage}</span>
        <span className="job-percent">{Math.round((progress?.progress ?? 0) * 100)}%</span>
        {eta != null && (
          <span className="job-eta">
            {t('remaining')} {formatClock(eta)} {t('remainingSuffix')}
          </span>
        )}
        <button type="button" className="button" onClick={() => onCancel(job)}>
          {t('cancel')}
        </button>
      </div>
      <ProgressBar fraction={progress?.progress ?? 0} label={stage} />
    </div>
  );
}
