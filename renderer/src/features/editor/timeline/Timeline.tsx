import { useEffect, useRef } from 'react';
import type { Coverage, ReviewStretch, Segment, Speaker } from '../../../../../native/common/api';
import { formatClock } from '../../../components/formatClock';
import { useI18n } from '../../../i18n/i18n';
import type { PlaybackClock } from '../playback/playbackClock';
import { coverageGaps, listenedSeconds } from './coverageGaps';

interface Props {
  segments: readonly Segment[];
  speakers: readonly Speaker[];
  coverage: Coverage;
  duration: number;
  clock: PlaybackClock;
  onSeek(time: number): void;
  /** the review pass's stretches (null while loading) */
  review: readonly ReviewStretch[] | null;
}

const SPEECH_BAND = [6, 17] as const;
const UNREVIEWED_BAND = [24, 6] as const;
const DOUBT_BAND = [0, 4] as const;
/** to check: red; confirmed: grey (speaker colours never use either) */
const DOUBT_OPEN = '#dc2626';
const DOUBT_DONE = '#9ca3af';

/**
 * The whole meeting in one strip: who speaks when (speaker colours), what has not been
 * listened to yet (amber band), the review pass's stretches (red, grey once confirmed) and the
 * playhead. Drawn on a canvas (thousands of segments); the playhead is moved directly, without
 * re-rendering React.
 */
export function Timeline({ segments, speakers, coverage, duration, clock, onSeek, review }: Props) {
  const { t } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const playheadRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || duration <= 0) return;
    const draw = () => {
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      const g = canvas.getContext('2d');
      if (!g) return;
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      g.clearRect(0, 0, width, height);
      g.fillStyle = '#e6e8eb';
      g.fillRect(0, SPEECH_BAND[0], width, SPEECH_BAND[1]);
      const colorOf = new Map(speakers.map((s) => [s.id, s.color]));
      const x = (time: number) => (time / duration) * width;
      for (const s of segments) {
        g.fillStyle = (s.speakerId !== null && colorOf.get(s.speakerId)) || '#8a8f98';
        g.fillRect(x(s.start), SPEECH_BAND[0], Math.max(1, x(s.end) - x(s.start)), SPEECH_BAND[1]);
      }
      g.fillStyle = '#d97706';
      for (const [from, to] of coverageGaps(coverage, duration)) {
        g.fillRect(x(from), UNREVIEWED_BAND[0], Math.max(1, x(to) - x(from)), UNREVIEWED_BAND[1]);
      }
      for (const s of review ?? []) {
        g.fillStyle = s.confirmed ? DOUBT_DONE : DOUBT_OPEN;
        g.fillRect(x(s.start), DOUBT_BAND[0], Math.max(2, x(s.end) - x(s.start)), DOUBT_BAND[1]);
      }
    };
    draw();
    const resize = new ResizeObserver(draw);
    resize.observe(canvas);
    return () => resize.disconnect();
  }, [segments, speakers, coverage, duration, review]);

  useEffect(() => {
    const move = () => {
      if (playheadRef.current && duration > 0) {
        playheadRef.current.style.left = `${Math.min(100, (clock.getTime() / duration) * 100)}%`;
      }
    };
    move();
    return clock.subscribe(move);
  }, [clock, duration]);

  const percentListened = duration > 0 ? Math.min(100, Math.round((listenedSeconds(coverage) / duration) * 100)) : 0;
  return (
    <div className="timeline" data-testid="timeline">
      <div
        className="timeline-track"
        title={`${t('unreviewed')}: ${formatClock(duration - (percentListened / 100) * duration)}`}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          onSeek(((e.clientX - box.left) / box.width) * duration);
        }}
      >
        <canvas ref={canvasRef} className="timeline-canvas" />
        <div ref={playheadRef} className="timeline-playhead" />
      </div>
      <div className="timeline-legend">
        <span className="legend-unreviewed" /> {t('unreviewed')} · {percentListened}% {t('reviewed')}
        {review && (
          <span data-testid="review-count" title={t('reviewDoubtfulTitle')}>
            <span className="legend-doubtful" /> 「{t('reviewDoubtful')} {review.filter((s) => s.confirmed).length}/{review.length}」
          </span>
        )}
      </div>
    </div>
  );
}
