import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditOp, Segment } from '../../../../native/common/api';
import { locateCorrection, toggledText, type CorrectionSpan } from '../../../../native/common/correctionSpans';
import type { CorrectionAction } from './layers/CorrectionChips';
import type { VirtualListHandle } from '../../components/VirtualList/VirtualList';
import { useNotices } from '../../components/Notices';
import { useI18n } from '../../i18n/i18n';
import { CommandMenu } from './commands/CommandMenu';
import { EDITOR_COMMANDS } from './commands/editorCommands';
import { HelpOverlay } from './commands/HelpOverlay';
import { useShortcutHandler } from './commands/useShortcutHandler';
import { EditorHeader } from './EditorHeader';
import { ExportDialog } from './export/ExportDialog';
import { LayerBar } from './layers/LayerBar';
import type { TextLayer } from './layers/textLayer';
import { useCleanSpans } from './layers/useCleanSpans';
import { useCorrections } from './layers/useCorrections';
import { FindBar } from './find/FindBar';
import { useFind } from './find/useFind';
import { MediaMissingBanner } from './MediaMissingBanner';
import { PlaybackClock } from './playback/playbackClock';
import { useCoverageRecorder } from './playback/useCoverageRecorder';
import { usePlaybackPosition } from './playback/usePlaybackPosition';
import { useIsPlaying, usePlaybackDerived } from './playback/usePlaybackTime';
import { PlayerBar } from './PlayerBar';
import { ReviewBar } from './review/ReviewBar';
import { useReviewPass } from './review/useReviewPass';
import { SettingsDialog } from './settings/SettingsDialog';
import { useEditorSettings } from './settings/editorSettings';
import { SpeakersPanel } from './speakers/SpeakersPanel';
import { useSpeakerLabels } from './speakers/useSpeakerLabels';
import { useEditorData } from './state/useEditorData';
import { Timeline } from './timeline/Timeline';
import { TranscriptPane } from './transcript/TranscriptPane';
import { segmentIndexAt } from './transcript/turns';
import { useEditorController, type EditorPanel } from './useEditorController';

const NO_SEGMENTS: Segment[] = [];

export function EditorScreen({ meetingId, onBack }: { meetingId: number; onBack(): void }) {
  const { t } = useI18n();
  const { inform, reportError } = useNotices();
  const data = useEditorData(meetingId);
  const { view, session } = data;
  const segments = view?.segments ?? NO_SEGMENTS;
  const [settings, setSettings] = useEditorSettings();
  const [sidePanel, setSidePanel] = useState<'find' | 'speakers' | null>(null);
  const [dialog, setDialog] = useState<'help' | 'settings' | 'commands' | null>(null);
  const [follow, setFollow] = useState(true);
  const [layer, setLayer] = useState<TextLayer>('verbatim');
  const [exporting, setExporting] = useState(false);
  const cleanSpans = useCleanSpans(segments, layer !== 'verbatim');
  const corrections = useCorrections(meetingId);
  const [audioEl, setAudioEl] = useState<HTMLAudioElement | null>(null);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const listRef = useRef<VirtualListHandle>(null);
  const clock = useMemo(() => new PlaybackClock(), []);
  useEffect(() => {
    clock.attach(audioEl);
  }, [clock, audioEl]);
  useEffect(() => () => clock.attach(null), [clock]);

  const segmentsRef = useRef<readonly Segment[]>(segments);
  segmentsRef.current = segments;
  const seekSecondsRef = useRef(settings.seekSeconds);
  seekSecondsRef.current = settings.seekSeconds;

  const openPanel = useCallback((panel: EditorPanel) => {
    if (panel === 'find' || panel === 'speakers') setSidePanel((p) => (p === panel && panel === 'speakers' ? null : panel));
    else setDialog(panel);
  }, []);
  const {
    ctx: baseCtx,
    rowActions,
    focusSegment,
  } = useEditorController({
    session,
    clock,
    listRef,
    segmentsRef,
    seekSecondsRef,
    openPanel,
    toggleFollow: () => setFollow((f) => !f),
  });
  const review = useReviewPass({
    meetingId,
    ready: view !== null,
    clock,
    session,
    segmentsRef,
    focusSegment,
    setCoverage: data.setCoverage,
  });
  const ctx = useMemo(
    () => ({ ...baseCtx, seekSeconds: settings.seekSeconds, review: review.commands }),
    [baseCtx, settings.seekSeconds, review.commands],
  );
  useShortcutHandler(settings, ctx, dialog !== null);

  useCoverageRecorder(meetingId, audioEl, data.setCoverage);
  const openedAt = usePlaybackPosition(meetingId, audioEl, reportError);

  const activeIndex = usePlaybackDerived(clock, (time) => segmentIndexAt(segments, time));
  const playing = useIsPlaying(clock);

  // Keep the playing line in view, unless the clerk is editing another one.
  useEffect(() => {
    if (!follow || !playing || activeIndex < 0) return;
    const el = document.activeElement;
    const editingId = el instanceof HTMLTextAreaElement && el.dataset['segmentId'] ? Number(el.dataset['segmentId']) : null;
    // editing the line that just finished or is playing still follows; editing elsewhere does not
    const followsEditing = editingId === null || editingId === segments[activeIndex]?.id || editingId === segments[activeIndex - 1]?.id;
    if (followsEditing) listRef.current?.scrollToIndex(activeIndex, 'auto');
  }, [activeIndex, follow, playing, segments]);

  // On open, show where the clerk left off.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || segments.length === 0 || openedAt === null) return;
    restored.current = true;
    const at = segmentIndexAt(segments, openedAt);
    if (at > 0) requestAnimationFrame(() => listRef.current?.scrollToIndex(at, 'center'));
  }, [segments, openedAt]);

  const find = useFind(segments, sidePanel === 'find');
  const stepFind = (direction: 1 | -1) => {
    if (!find.matches.length) return;
    const next = (find.current + direction + find.matches.length) % find.matches.length;
    find.setCurrent(next);
    listRef.current?.scrollToIndex(find.matches[next]!.segmentIndex, 'center');
  };
  const replaceOne = (replacement: string) => {
    const m = find.matches[find.current];
    const s = m && segments[m.segmentIndex];
    if (!m || !s || !find.pattern) return;
    const single = new RegExp(find.pattern.source, find.pattern.flags.replace('g', ''));
    const replaced = find.query.regex ? s.text.slice(m.from, m.to).replace(single, replacement) : replacement;
    void session.apply({ kind: 'setText', segmentId: s.id, text: s.text.slice(0, m.from) + replaced + s.text.slice(m.to) });
  };
  const replaceAll = (replacement: string) => {
    void session
      .apply({
        kind: 'replaceAll',
        find: find.query.find,
        replace: replacement,
        regex: find.query.regex,
        caseSensitive: find.query.caseSensitive,
      })
      .then((r) => {
        if (r) inform({ ja: `${r.count}件を置換しました`, en: `${r.count} replacements made` });
      });
  };
  const edit = (op: EditOp) => {
    void session.apply(op);
  };
  const dismissCorrection = corrections.dismiss;
  const onCorrection = useCallback(
    (segment: Segment, span: CorrectionSpan, action: CorrectionAction) => {
      if (action === 'dismiss') {
        dismissCorrection(span.correction.id);
        return;
      }
      // typed but not yet saved text wins: the span is looked for again in it
      const text = session.draftOf(segment.id) ?? segment.text;
      const live = text === segment.text ? span : locateCorrection(text, span.correction);
      if (live) void session.apply({ kind: 'setText', segmentId: segment.id, text: toggledText(text, live) });
    },
    [session, dismissCorrection],
  );
  const flushEdits = useCallback(() => session.flush(), [session]);
  const identity = useSpeakerLabels(meetingId, flushEdits, data.reloadView);

  const duration = data.meeting?.durationS ?? audioEl?.duration ?? segments[segments.length - 1]?.end ?? 0;

  return (
    <main className="editor" data-testid="editor">
      <EditorHeader
        meeting={data.meeting}
        session={session}
        onBack={onBack}
        onPanel={openPanel}
        canUndo={view?.canUndo ?? false}
        canRedo={view?.canRedo ?? false}
        onUndo={ctx.undo}
        onRedo={ctx.redo}
      />
      <LayerBar
        layer={layer}
        onLayer={(l) => {
          void session.flush();
          setLayer(l);
        }}
        onExport={() => {
          void session.flush();
          setExporting(true);
        }}
      />
      {data.meeting?.media && !data.meeting.media.present && <MediaMissingBanner meetingId={meetingId} onRelinked={data.reloadMeeting} />}
      <Timeline
        segments={segments}
        speakers={view?.speakers ?? []}
        coverage={data.coverage}
        duration={Number.isFinite(duration) ? duration : 0}
        clock={clock}
        onSeek={rowActions.seekAndPlay}
        review={review.state?.stretches ?? null}
      />
      {review.active && review.state && (
        <ReviewBar state={review.state} current={review.current} settings={settings} onClose={review.commands.toggle} />
      )}
      {sidePanel === 'find' && (
        <FindBar
          query={find.query}
          onQueryChange={find.setQuery}
          matches={find.matches}
          current={find.current}
          invalid={find.invalid}
          onStep={stepFind}
          onReplaceOne={replaceOne}
          onReplaceAll={replaceAll}
          onClose={() => setSidePanel(null)}
        />
      )}
      <div className="editor-body">
        {view === null ? (
          <p className="muted editor-loading">{t('loading')}</p>
        ) : (
          <TranscriptPane
            ref={listRef}
            segments={segments}
            speakers={view.speakers}
            activeIndex={activeIndex}
            findMarks={find.marks}
            actions={rowActions}
            layer={layer}
            cleanSpans={cleanSpans}
            corrections={corrections.bySegment}
            onCorrection={onCorrection}
          />
        )}
        {sidePanel === 'speakers' && view && (
          <SpeakersPanel
            speakers={view.speakers}
            segments={segments}
            onEdit={edit}
            onClose={() => setSidePanel(null)}
            identity={identity}
          />
        )}
      </div>
      <PlayerBar audioRef={audioRef} src={data.mediaSrc} settings={settings} onAudio={setAudioEl} />
      {!follow && <span className="follow-off">{t('followOff')}</span>}
      {exporting && <ExportDialog meeting={data.meeting} onClose={() => setExporting(false)} />}
      {dialog === 'help' && <HelpOverlay settings={settings} onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <SettingsDialog settings={settings} onChange={setSettings} onClose={() => setDialog(null)} />}
      {dialog === 'commands' && (
        <CommandMenu
          settings={settings}
          onClose={() => setDialog(null)}
          onRun={(c) => (EDITOR_COMMANDS.find((x) => x.id === c.id) ?? c).run(ctx)}
          available={(c) => !c.when || c.when(ctx)}
        />
      )}
    </main>
  );
}
