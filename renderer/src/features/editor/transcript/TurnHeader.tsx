import { useState } from 'react';
import type { Speaker } from '../../../../../native/common/api';
import { formatClock } from '../../../components/formatClock';
import { useI18n } from '../../../i18n/i18n';
import { NewSpeakerForm } from '../speakers/NewSpeakerForm';

/** the speaker menu's last option: opens the form for a new speaker instead of choosing one */
const NEW_SPEAKER = 'new';

export function speakerDisplayName(speaker: Speaker | undefined, fallback: string): string {
  if (!speaker) return fallback;
  const name = speaker.name || speaker.label;
  return speaker.role ? `${name}（${speaker.role}）` : name;
}

/** Above the first segment of a speaker's turn: colour, who speaks (changeable, or a new speaker), when. */
export function TurnHeader({
  speakerId,
  speakers,
  start,
  onChangeSpeaker,
  onAddSpeaker,
}: {
  speakerId: number | null;
  speakers: readonly Speaker[];
  start: number;
  onChangeSpeaker(speakerId: number | null): void;
  /** creates a speaker and gives it this turn */
  onAddSpeaker(name: string, role: string): void;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const speaker = speakers.find((s) => s.id === speakerId);
  const choose = (value: string) => {
    if (value === NEW_SPEAKER) setAdding(true);
    else onChangeSpeaker(value === '' ? null : Number(value));
  };
  return (
    <div className={`turn-header${adding ? ' turn-header-adding' : ''}`} data-testid="turn-header">
      <span className="speaker-swatch" style={{ background: speaker?.color ?? '#888' }} />
      <select
        className="speaker-select"
        data-testid="turn-speaker"
        aria-label={t('speakers')}
        value={speakerId ?? ''}
        onChange={(e) => choose(e.target.value)}
      >
        <option value="">{t('unknownSpeaker')}</option>
        {speakers.map((s) => (
          <option key={s.id} value={s.id}>
            {speakerDisplayName(s, t('unknownSpeaker'))}
          </option>
        ))}
        <option value={NEW_SPEAKER}>{t('newSpeakerOption')}</option>
      </select>
      <span className="turn-time">{formatClock(start)}</span>
      {adding && (
        <NewSpeakerForm
          testId="turn-new-speaker"
          autoFocus
          onCancel={() => setAdding(false)}
          onAdd={(name, role) => {
            setAdding(false);
            onAddSpeaker(name, role);
          }}
        />
      )}
    </div>
  );
}
