import { useMemo, useState } from 'react';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n/i18n';
import { shortcutsFor, type EditorSettings } from '../settings/editorSettings';
import { EDITOR_COMMANDS, type EditorCommand } from './editorCommands';
import { ShortcutLabel } from './ShortcutLabel';

/** Type to filter, arrows to choose, Enter to run. */
export function CommandMenu({
  settings,
  onRun,
  onClose,
  available,
}: {
  settings: EditorSettings;
  onRun(c: EditorCommand): void;
  onClose(): void;
  available(c: EditorCommand): boolean;
}) {
  const { t, pick } = useI18n();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState(0);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return EDITOR_COMMANDS.filter(available).filter(
      (c) => !f || c.label.ja.includes(f) || c.label.en.toLowerCase().includes(f) || c.id.toLowerCase().includes(f),
    );
  }, [filter, available]);
  const run = (c: EditorCommand | undefined) => {
    if (c) {
      onClose();
      onRun(c);
    }
  };
  return (
    <Modal title={t('commands')} onClose={onClose}>
      <input
        className="command-filter"
        placeholder={t('commandSearch')}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setSelected(0);
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setSelected((i) => Math.min(shown.length - 1, i + 1));
          }
          if (e.key === 'ArrowUp') {
            e.preventDefault();
            setSelected((i) => Math.max(0, i - 1));
          }
          if (e.key === 'Enter') {
            e.preventDefault();
            run(shown[selected]);
          }
        }}
      />
      <ul className="command-list" role="listbox">
        {shown.map((c, i) => (
          <li key={c.id} role="option" aria-selected={i === selected}>
            <button type="button" className={`command-item${i === selected ? ' command-selected' : ''}`} onClick={() => run(c)}>
              <span>{pick(c.label)}</span>
              <ShortcutLabel keys={shortcutsFor(settings, c.id)} />
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
