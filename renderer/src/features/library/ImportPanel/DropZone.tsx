import { useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';

/** Drag-and-drop target plus an ordinary file input (the same input the tests drive). */
export function DropZone({ onFile }: { onFile(file: File): void }) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragOver, setDragOver] = useState(false);
  return (
    <div
      className={`dropzone${dragOver ? ' dropzone-over' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setDragOver(true); }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <p>{t('dropHere')}</p>
      <button type="button" className="button" onClick={() => inputRef.current?.click()}>{t('chooseFile')}</button>
      <input
        ref={inputRef}
        type="file"
        data-testid="import-file"
        accept="audio/*,video/*,.wma,.m4a,.flac,.opus,.mkv"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
