import { useState } from 'react';
import { chosenFromFile, type ChosenFile } from '../../../api/api';
import { useNotices } from '../../../components/Notices';
import { useFileChooser } from '../../../hooks/useFileChooser';
import { useI18n } from '../../../i18n/i18n';

/** Drag-and-drop target plus the file chooser (the desktop's dialog, or the file input the tests drive). */
export function DropZone({ onFile }: { onFile(file: ChosenFile): void }) {
  const { t } = useI18n();
  const { reportError } = useNotices();
  const chooser = useFileChooser('media', onFile, reportError);
  const [dragOver, setDragOver] = useState(false);
  return (
    <div
      className={`dropzone${dragOver ? ' dropzone-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(chosenFromFile(file));
      }}
    >
      <p>{t('dropHere')}</p>
      <button type="button" className="button" onClick={chooser.open}>
        {t('chooseFile')}
      </button>
      <input
        ref={chooser.inputRef}
        type="file"
        data-testid="import-file"
        accept="audio/*,video/*,.wma,.m4a,.flac,.opus,.mkv"
        hidden
        onChange={chooser.onInputChange}
      />
    </div>
  );
}
