import { useState } from 'react';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n/i18n';
import { EDITOR_COMMANDS } from '../commands/editorCommands';
import { isImeKeyEvent, shortcutOf } from '../commands/shortcutKeys';
import { ShortcutLabel } from '../commands/ShortcutLabel';
import { DEFAULT_SETTINGS, shortcutsFor, type EditorSettings } from './editorSettings';

/** Skip length and every command's shortcut; saved with the user's settings as soon as changed. */
export function SettingsDialog({
  settings,
  onChange,
  onClose,
}: {
  settings: EditorSettings;
  onChange(s: EditorSettings): void;
  onClose(): void;
}) {
  const { t, pick } = useI18n();
  const [capturing, setCapturing] = useState<string | null>(null);

  const assign = (commandId: string, key: string) => {
    const shortcuts: Record<string, string[]> = {};
    // a key runs one command: take it away from any other
    for (const c of EDITOR_COMMANDS) {
      const keys = shortcutsFor(settings, c.id).filter((k) => k !== key);
      if (c.id === commandId) keys.unshift(key);
      shortcuts[c.id] = keys.slice(0, 2);
    }
    onChange({ ...settings, shortcuts });
  };

  return (
    <Modal title={t('settings')} onClose={onClose} wide>
      <label className="inline-label">
        {t('seekSeconds')}
        <input
          type="number"
          min={1}
          max={30}
          step={1}
          value={settings.seekSeconds}
          data-testid="seek-seconds"
          onChange={(e) => {
            const n = Number(e.target.value);
            if (n >= 1 && n <= 30) onChange({ ...settings, seekSeconds: n });
          }}
        />
      </label>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th>{t('commands')}</th>
            <th>{t('shortcut')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {EDITOR_COMMANDS.map((c) => (
            <tr key={c.id}>
              <th scope="row">{pick(c.label)}</th>
              <td>{capturing === c.id ? <em>{t('pressKeys')}</em> : <ShortcutLabel keys={shortcutsFor(settings, c.id)} />}</td>
              <td>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setCapturing(c.id)}
                  onKeyDown={(e) => {
                    if (capturing !== c.id || isImeKeyEvent(e.nativeEvent)) return;
                    const key = shortcutOf(e.nativeEvent);
                    if (!key || key === 'Tab' || key === 'Enter') return;
                    e.preventDefault();
                    e.stopPropagation();
                    if (key !== 'Escape') assign(c.id, key);
                    setCapturing(null);
                  }}
                  onBlur={() => setCapturing(null)}
                >
                  {t('change')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => onChange(DEFAULT_SETTINGS)}>
          {t('resetDefaults')}
        </button>
      </div>
    </Modal>
  );
}
