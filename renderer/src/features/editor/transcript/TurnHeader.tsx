import type { Speaker } from '../../../../../native/common/api';
import { formatClock } from '../../../components/formatClock';
import { useI18n } from '../../../i18n/i18n';

export function speakerDisplayName(speaker: Speaker | undefined, fallback: string): string {
  if (!speaker) return fallback;
  const name = speaker.name || speaker.label;
  return speaker.role ? `${name}（${speaker.role}）` : name;
}

/** Above the first segment of a speaker's turn: colour, who speaks (changeable), when. */
export function TurnHeader({ speakerId, speakers, start, onChangeSpeaker }: {
  speakerId: number | null;
  speakers: readonly Speaker[];
  start: number;
  onChangeSpeaker(speakerId: number | null): void;
}) {
  const { t } = useI18n();
  const speaker = speakers.find((s) => s.id === speakerId);
  return (
    <div className="turn-header" data-testid="turn-header">
      <span className="speaker-swatch" style={{ background: speaker?.color ?? '#888' }} />
      <select
        className="speaker-select"
        data-testid="turn-speaker"
        aria-label={t('speakers')}
        value={speakerId ?? ''}
        onChange={(e) => onChangeSpeaker(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('unknownSpeaker')}</option>
        {speakers.map((s) => <option key={s.id} value={s.id}>{speakerDisplayName(s, t('unknownSpeaker'))}</option>)}
      </select>
      <span className="turn-time">{formatClock(start)}</span>
    </div>
  );
}
