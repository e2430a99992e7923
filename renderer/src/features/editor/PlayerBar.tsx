import { useCallback, useEffect, useState, type RefObject } from 'react';
import { useI18n } from '../../i18n/i18n';
import { EDITOR_COMMANDS } from './commands/editorCommands';
import type { EditorSettings } from './settings/editorSettings';
import { shortcutsFor } from './settings/editorSettings';

const HINTED_COMMANDS = ['playPause', 'seekBack', 'seekForward', 'replayLine', 'nextLowConfidence', 'help'];

/** The audio element with its own controls, the speed, and a reminder of the playback keys. */
export function PlayerBar({
  audioRef,
  src,
  settings,
  onAudio,
}: {
  audioRef: RefObject<HTMLAudioElement | null>;
  src: string | null;
  settings: EditorSettings;
  onAudio(el: HTMLAudioElement | null): void;
}) {
  const { t, pick } = useI18n();
  const [rate, setRate] = useState(1);
  useEffect(() => {
    const a = audioRef.current;
    if (!a) return;
    const onRate = () => setRate(a.playbackRate);
    a.addEventListener('ratechange', onRate);
    return () => a.removeEventListener('ratechange', onRate);
  }, [audioRef, src]);
  const attach = useCallback(
    (el: HTMLAudioElement | null) => {
      audioRef.current = el;
      onAudio(el);
    },
    [audioRef, onAudio],
  );
  const key = (id: string) => shortcutsFor(settings, id)[0] ?? '';
  return (
    <div className="player-bar">
      <audio ref={attach} src={src ?? undefined} controls preload="auto" data-testid="audio" />
      <span className="rate" data-testid="rate">
        {t('speed')} {rate.toFixed(2)}×
      </span>
      <span className="key-hints muted">
        {HINTED_COMMANDS.map((id) => {
          const command = EDITOR_COMMANDS.find((c) => c.id === id)!;
          return (
            <span key={id} className="key-hint">
              <kbd>{key(id)}</kbd> {pick(command.label)}
            </span>
          );
        })}
      </span>
    </div>
  );
}
