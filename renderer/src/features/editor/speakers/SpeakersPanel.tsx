import { useEffect, useState, type KeyboardEvent } from 'react';
import type { EditOp, Segment, Speaker } from '../../../../../native/common/api';
import { useI18n } from '../../../i18n/i18n';
import { speakerDisplayName } from '../transcript/TurnHeader';
import { NewSpeakerForm } from './NewSpeakerForm';
import { RosterImport } from './RosterImport';
import { SpeakerIdentity } from './SpeakerIdentity';
import type { SpeakerLabels } from './useSpeakerLabels';

/** One speaker: name and role saved when the field is left; merge into another speaker. */
function SpeakerCard({
  speaker,
  others,
  count,
  onEdit,
  identity,
}: {
  speaker: Speaker;
  others: Speaker[];
  count: number;
  onEdit(op: EditOp): void;
  identity?: SpeakerLabels;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(speaker.name);
  const [role, setRole] = useState(speaker.role);
  const [into, setInto] = useState('');
  // undo, redo or a merge changed the saved name: show it (a field being typed in keeps its text until saved)
  useEffect(() => setName(speaker.name), [speaker.name]);
  useEffect(() => setRole(speaker.role), [speaker.role]);
  const save = () => {
    if (name !== speaker.name || role !== speaker.role) onEdit({ kind: 'renameSpeaker', speakerId: speaker.id, name, role });
  };
  const enterSaves = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) save();
  };
  return (
    <li className="speaker-card" data-testid="speaker-card">
      <div className="speaker-card-head">
        <span className="speaker-swatch" style={{ background: speaker.color }} />
        <strong>{speaker.label}</strong>
        <span className="muted">{count}</span>
      </div>
      {identity && identity.roster.length > 0 && (
        <SpeakerIdentity
          speakerId={speaker.id}
          roster={identity.roster}
          onPick={identity.pick}
          label={identity.labels.find((l) => l.speakerId === speaker.id)}
        />
      )}
      <label>
        {t('speakerName')}
        <input value={name} data-testid="speaker-name" onChange={(e) => setName(e.target.value)} onBlur={save} onKeyDown={enterSaves} />
      </label>
      <label>
        {t('speakerRole')}
        <input value={role} data-testid="speaker-role" onChange={(e) => setRole(e.target.value)} onBlur={save} onKeyDown={enterSaves} />
      </label>
      {others.length > 0 && (
        <div className="speaker-merge">
          <select aria-label={t('mergeInto')} value={into} onChange={(e) => setInto(e.target.value)}>
            <option value="">{t('mergeInto')}…</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {speakerDisplayName(o, o.label)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-quiet"
            disabled={!into}
            onClick={() => onEdit({ kind: 'mergeSpeakers', fromSpeakerId: speaker.id, intoSpeakerId: Number(into) })}
          >
            {t('merge')}
          </button>
        </div>
      )}
    </li>
  );
}

export function SpeakersPanel({
  speakers,
  segments,
  onEdit,
  onClose,
  identity,
}: {
  speakers: Speaker[];
  segments: readonly Segment[];
  onEdit(op: EditOp): void;
  onClose(): void;
  identity?: SpeakerLabels;
}) {
  const { t } = useI18n();
  const counts = new Map<number | null, number>();
  for (const s of segments) counts.set(s.speakerId, (counts.get(s.speakerId) ?? 0) + 1);
  return (
    <aside className="side-panel" data-testid="speakers-panel" aria-label={t('speakers')}>
      <header className="side-panel-head">
        <h2>{t('speakers')}</h2>
        <button type="button" className="icon-button" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      {speakers.length === 0 && <p className="muted">{t('noSpeakers')}</p>}
      {identity &&
        (identity.roster.length === 0 ? (
          <p className="muted">{t('noRoster')}</p>
        ) : (
          speakers.length > 0 && (
            <div className="speaker-identity-actions">
              <button type="button" className="button button-quiet" data-testid="suggest-labels" onClick={identity.suggest}>
                {t('suggestLabels')}
              </button>
              <button type="button" className="button button-quiet" data-testid="confirm-speakers" onClick={identity.confirm}>
                {t('confirmSpeakers')}
              </button>
            </div>
          )
        ))}
      <ul className="speaker-list">
        {speakers.map((s) => (
          <SpeakerCard
            key={s.id}
            speaker={s}
            count={counts.get(s.id) ?? 0}
            others={speakers.filter((o) => o.id !== s.id)}
            onEdit={onEdit}
            {...(identity ? { identity } : {})}
          />
        ))}
      </ul>
      {identity && <RosterImport identity={identity} />}
      <section className="speaker-add">
        <h3>{t('addSpeaker')}</h3>
        <NewSpeakerForm testId="add-speaker-form" onAdd={(name, role) => onEdit({ kind: 'addSpeaker', name, role })} />
      </section>
    </aside>
  );
}
