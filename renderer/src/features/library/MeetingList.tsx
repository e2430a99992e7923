import type { Job, MeetingSummary } from '../../../../native/common/api';
import { formatClock } from '../../components/formatClock';
import { useI18n } from '../../i18n/i18n';
import { JobProgress } from './JobProgress';

interface Props {
  meetings: MeetingSummary[];
  jobs: Job[];
  query: string;
  canTranscribe: boolean;
  onOpen(meeting: MeetingSummary): void;
  onTranscribe(meeting: MeetingSummary): void;
  onCancelJob(job: Job): void;
  onDelete(meeting: MeetingSummary): void;
}

/** Search hits come back with a snippet; the query is highlighted in it. */
function Snippet({ text, query }: { text: string; query: string }) {
  const q = query.trim();
  const at = q ? text.indexOf(q) : -1;
  if (at < 0) return <p className="snippet">{text}</p>;
  return (
    <p className="snippet">
      {text.slice(0, at)}
      <mark>{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </p>
  );
}

export function MeetingList({ meetings, jobs, query, canTranscribe, onOpen, onTranscribe, onCancelJob, onDelete }: Props) {
  const { t } = useI18n();
  if (meetings.length === 0) {
    return <p className="empty">{query.trim() ? t('noMatches') : t('noMeetings')}</p>;
  }
  return (
    <ul className="meeting-list" data-testid="meeting-list">
      {meetings.map((m) => {
        const job = jobs.find((j) => j.meetingId === m.id && (j.state === 'running' || j.state === 'queued'));
        return (
          <li key={m.id} className="meeting-row" data-testid="meeting-row">
            <div className="meeting-main">
              <h3>
                {m.status === 'ready' ? (
                  <a
                    href={`#/meeting/${m.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(m);
                    }}
                  >
                    {m.title}
                  </a>
                ) : (
                  m.title
                )}
              </h3>
              <p className="meeting-meta">
                <span className={`status status-${m.status}`}>{t(`status_${m.status}`)}</span>
                {m.body && <span>{m.body}</span>}
                {m.date && <span>{m.date}</span>}
                {m.place && <span>{m.place}</span>}
                {m.durationS != null && (
                  <span>
                    {t('duration')} {formatClock(m.durationS)}
                  </span>
                )}
              </p>
              {m.match && <Snippet text={m.match} query={query} />}
              {job && <JobProgress job={job} onCancel={onCancelJob} />}
            </div>
            <div className="meeting-actions">
              {m.status === 'ready' && (
                <button type="button" className="button button-primary" onClick={() => onOpen(m)}>
                  {t('open')}
                </button>
              )}
              {(m.status === 'new' || m.status === 'failed') && !job && (
                <button type="button" className="button" disabled={!canTranscribe} onClick={() => onTranscribe(m)}>
                  {t('retranscribe')}
                </button>
              )}
              {!job && (
                <button type="button" className="button button-quiet" data-testid="delete-meeting" onClick={() => onDelete(m)}>
                  {t('deleteMeeting')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
