import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n/i18n';
import { shortcutsFor, type EditorSettings } from '../settings/editorSettings';
import { EDITOR_COMMANDS } from './editorCommands';
import { ShortcutLabel } from './ShortcutLabel';

export function HelpOverlay({ settings, onClose }: { settings: EditorSettings; onClose(): void }) {
  const { t, pick } = useI18n();
  return (
    <Modal title={t('help')} onClose={onClose} wide>
      <table className="shortcut-table" data-testid="help-overlay">
        <tbody>
          {EDITOR_COMMANDS.map((c) => (
            <tr key={c.id}>
              <th scope="row">{pick(c.label)}</th>
              <td>
                <ShortcutLabel keys={shortcutsFor(settings, c.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
