import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n';

/** Limits the service enforces (native/app/transcript/transcriptSchemas.ts, the store's editOpSchema); the fields stop there. */
export const SPEAKER_NAME_MAX = 100;
export const SPEAKER_ROLE_MAX = 50;

/**
 * Name and role of a speaker to create. Used in the speakers panel and, inline, under a
 * turn's speaker menu ("＋新しい話者…"). Enter submits, except the Enter that confirms
 * an IME conversion.
 */
export function NewSpeakerForm({
  onAdd,
  onCancel,
  autoFocus = false,
  testId,
}: {
  onAdd(name: string, role: string): void;
  onCancel?(): void;
  autoFocus?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const blank = name.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blank) return;
    onAdd(name.trim(), role.trim());
    setName('');
    setRole('');
  };
  return (
    <form
      className="new-speaker"
      data-testid={testId}
      aria-label={t('addSpeaker')}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.nativeEvent.isComposing) e.preventDefault();
      }}
    >
      <label>
        {t('speakerName')}
        <input
          value={name}
          data-testid="new-speaker-name"
          maxLength={SPEAKER_NAME_MAX}
          required
          autoFocus={autoFocus}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label>
        {t('speakerRole')}
        <input value={role} data-testid="new-speaker-role" maxLength={SPEAKER_ROLE_MAX} onChange={(e) => setRole(e.target.value)} />
      </label>
      <div className="new-speaker-buttons">
        <button type="submit" className="button" data-testid="new-speaker-add" disabled={blank}>
          {t('addSpeaker')}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('cancelForm')}
          </button>
        )}
      </div>
    </form>
  );
}
