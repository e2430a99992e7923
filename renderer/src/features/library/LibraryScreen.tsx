import { useCallback, useEffect, useState } from 'react';
import type { Job, MeetingSummary } from '../../../../native/common/api';
import { useModels } from '../../hooks/useModels';
import { api } from '../../api/api';
import { useNotices } from '../../components/Notices';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { dictionary } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { RecoveredBanner } from '../recording/RecoveredBanner';
import { ImportPanel } from './ImportPanel/ImportPanel';
import { DeleteMeetingDialog } from './DeleteMeetingDialog';
import { MeetingList } from './MeetingList';
import { useJobs } from './useJobs';

interface Props {
  onOpenMeeting(meetingId: number): void;
  onOpenTerms(): void;
  onOpenSettings(): void;
  onOpenRecording(): void;
}

export function LibraryScreen({ onOpenMeeting, onOpenTerms, onOpenSettings, onOpenRecording }: Props) {
  const { t } = useI18n();
  const { reportError, inform } = useNotices();
  const [query, setQuery] = useState('');
  const [deleting, setDeleting] = useState<MeetingSummary | null>(null);
  const debouncedQuery = useDebouncedValue(query, 250);
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const { models, modelPath, chooseModel } = useModels(reportError);

  const refreshMeetings = useCallback(() => {
    api.listMeetings(debouncedQuery).then(setMeetings, reportError);
  }, [debouncedQuery, reportError]);
  useEffect(refreshMeetings, [refreshMeetings]);

  const onJobFinished = useCallback((_job: Job) => refreshMeetings(), [refreshMeetings]);
  const { jobs, refreshJobs } = useJobs(onJobFinished);

  const afterStart = () => {
    refreshMeetings();
    refreshJobs();
  };

  return (
    <main className="library">
      <RecoveredBanner onOpen={onOpenMeeting} />
      <ImportPanel models={models} modelPath={modelPath} onModelChange={chooseModel} onStarted={afterStart} />
      <section className="panel meetings-panel" aria-label={t('library')}>
        <div className="meetings-header">
          <h2>{t('library')}</h2>
          <input
            type="search"
            className="search"
            data-testid="library-search"
            placeholder={t('searchPlaceholder')}
            aria-label={t('searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" className="button" data-testid="open-recording" onClick={onOpenRecording}>
            {t('openRecording')}
          </button>
          <button type="button" className="button" data-testid="open-terms" onClick={onOpenTerms}>
            {t('termDictionary')}
          </button>
          <button type="button" className="button" data-testid="open-settings" onClick={onOpenSettings}>
            {t('councilSettings')}
          </button>
        </div>
        {meetings === null ? (
          <p className="muted">{t('loading')}</p>
        ) : (
          <MeetingList
            meetings={meetings}
            jobs={jobs}
            query={debouncedQuery}
            canTranscribe={modelPath !== ''}
            onOpen={(m) => onOpenMeeting(m.id)}
            onTranscribe={(m) => {
              api.startTranscription(m.id, modelPath).then(afterStart, reportError);
            }}
            onCancelJob={(job) => {
              api.cancelJob(job.id).then(afterStart, reportError);
            }}
            onDelete={setDeleting}
          />
        )}
        {deleting && (
          <DeleteMeetingDialog
            meeting={deleting}
            onClose={() => setDeleting(null)}
            onDelete={() =>
              api.deleteMeeting(deleting.id).then(() => {
                setDeleting(null);
                inform(dictionary.meetingDeleted);
                refreshMeetings();
              }, reportError)
            }
          />
        )}
      </section>
    </main>
  );
}
