import { useRef, type ChangeEvent } from 'react';
import type { PickKind } from '../../../native/common/api';
import { chosenFromFile, desktopPicker, type ChosenFile } from '../api/api';

/**
 * One way to choose a file everywhere: `open()` runs the desktop's dialog (in main) or clicks the
 * hidden <input type=file> the component renders with `inputRef` and `onInputChange` (browser, tests).
 */
export function useFileChooser(kind: PickKind, onChosen: (file: ChosenFile) => void, onError: (e: unknown) => void = () => {}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const open = (): void => {
    if (desktopPicker)
      desktopPicker(kind).then((f) => {
        if (f) onChosen(f);
      }, onError);
    else inputRef.current?.click();
  };
  const onInputChange = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    if (file) onChosen(chosenFromFile(file));
    e.target.value = '';
  };
  return { open, inputRef, onInputChange };
}
