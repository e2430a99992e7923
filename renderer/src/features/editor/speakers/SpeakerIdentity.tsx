import type { RosterRow, SpeakerLabelRow } from '../../../../../native/common/speakers';
import { useI18n } from '../../../i18n/i18n';

/** Who a speaker is: how the name was found (and how sure), and the roster to pick from. */
export function SpeakerIdentity({
  speakerId,
  roster,
  label,
  onPick,
}: {
  speakerId: number;
  roster: RosterRow[];
  label: SpeakerLabelRow | undefined;
  onPick(speakerId: number, rosterId: number | null): void;
}) {
  const { t } = useI18n();
  return (
    <div className="speaker-identity">
      {label && (
        <span className={`label-source label-${label.source}`} data-testid="label-source" title={label.reason}>
          {t(`labelSource_${label.source}`)} {Math.round(label.confidence * 100)}%
        </span>
      )}
      {label?.reason && (
        <span className="muted label-reason" data-testid="label-reason">
          {label.reason}
        </span>
      )}
      <select
        aria-label={t('rosterMember')}
        data-testid="roster-pick"
        value={label?.rosterId ?? ''}
        onChange={(e) => onPick(speakerId, e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('rosterMember')}…</option>
        {roster.map((m) => (
          <option key={m.id} value={m.id}>
            {m.role || `${m.seat}番`}　{m.name}
          </option>
        ))}
      </select>
    </div>
  );
}
