import type { LocalizedText } from '../../../../../native/common/errors';

/** What commands act on; the editor screen provides it. */
export interface EditorCommandContext {
  playPause(): void;
  seekBy(seconds: number): void;
  seekSeconds: number;
  changeRate(step: 1 | -1): void;
  replayLine(): void;
  splitAtCursor(): void;
  mergeWithNext(): void;
  undo(): void;
  redo(): void;
  nextLowConfidence(): void;
  /** the review pass (review/useReviewPass.ts) */
  review: ReviewCommands;
  openPanel(panel: 'find' | 'speakers' | 'help' | 'settings' | 'commands'): void;
  toggleFollow(): void;
}

export interface ReviewCommands {
  active(): boolean;
  toggle(): void;
  confirmAndNext(): void;
  replay(): void;
  step(direction: 1 | -1): void;
}

export interface EditorCommand {
  id: string;
  label: LocalizedText;
  /** see shortcutKeys.ts for the notation; the clerk may change them in the settings */
  defaultShortcuts: string[];
  run(ctx: EditorCommandContext): void;
  /** when given and false, the command is not offered and its keys go on to the page (Enter types a newline) */
  when?(ctx: EditorCommandContext): boolean;
}

/**
 * Every editor command, as data: the shortcut handler, the command menu, the help overlay
 * and the settings dialog are all built from this list. Defaults avoid plain letters
 * (the clerk is typing) and keys an IME uses; playback keys follow oTranscribe's habits.
 */
export const EDITOR_COMMANDS: readonly EditorCommand[] = [
  {
    id: 'playPause',
    label: { ja: '再生／一時停止', en: 'Play / pause' },
    defaultShortcuts: ['Escape', 'Ctrl+Space'],
    run: (c) => c.playPause(),
  },
  {
    id: 'seekBack',
    label: { ja: '巻き戻し', en: 'Skip back' },
    defaultShortcuts: ['F1', 'Alt+ArrowLeft'],
    run: (c) => c.seekBy(-c.seekSeconds),
  },
  {
    id: 'seekForward',
    label: { ja: '早送り', en: 'Skip forward' },
    defaultShortcuts: ['F2', 'Alt+ArrowRight'],
    run: (c) => c.seekBy(c.seekSeconds),
  },
  { id: 'slower', label: { ja: '再生速度を下げる', en: 'Slower' }, defaultShortcuts: ['F3'], run: (c) => c.changeRate(-1) },
  { id: 'faster', label: { ja: '再生速度を上げる', en: 'Faster' }, defaultShortcuts: ['F4'], run: (c) => c.changeRate(1) },
  {
    id: 'replayLine',
    label: { ja: 'この行をもう一度再生', en: 'Replay current line' },
    defaultShortcuts: ['F7', 'Ctrl+R'],
    run: (c) => c.replayLine(),
  },
  {
    id: 'nextLowConfidence',
    label: { ja: '次の要確認・念のための語へ', en: 'Next doubtful word' },
    defaultShortcuts: ['F8'],
    run: (c) => c.nextLowConfidence(),
  },
  {
    id: 'reviewPass',
    label: { ja: '要確認を順に聞く（開始／終了）', en: 'Review pass: play the doubtful stretches (start / stop)' },
    defaultShortcuts: ['F9'],
    run: (c) => c.review.toggle(),
  },
  {
    id: 'reviewConfirm',
    label: { ja: '確認して次の要確認へ', en: 'Confirm and go to the next doubtful stretch' },
    defaultShortcuts: ['Enter'],
    run: (c) => c.review.confirmAndNext(),
    when: (c) => c.review.active(),
  },
  {
    id: 'reviewReplay',
    label: { ja: 'この区間をもう一度', en: 'Replay this stretch' },
    defaultShortcuts: ['Shift+Enter'],
    run: (c) => c.review.replay(),
    when: (c) => c.review.active(),
  },
  {
    id: 'reviewNext',
    label: { ja: '次の区間へ（確認せず）', en: 'Next stretch (without confirming)' },
    defaultShortcuts: ['Alt+ArrowDown'],
    run: (c) => c.review.step(1),
    when: (c) => c.review.active(),
  },
  {
    id: 'reviewPrevious',
    label: { ja: '前の区間へ', en: 'Previous stretch' },
    defaultShortcuts: ['Alt+ArrowUp'],
    run: (c) => c.review.step(-1),
    when: (c) => c.review.active(),
  },
  {
    id: 'split',
    label: { ja: 'カーソル位置で分割', en: 'Split at cursor' },
    defaultShortcuts: ['Ctrl+Enter'],
    run: (c) => c.splitAtCursor(),
  },
  {
    id: 'mergeNext',
    label: { ja: '次の行と結合', en: 'Merge with next line' },
    defaultShortcuts: ['Ctrl+M'],
    run: (c) => c.mergeWithNext(),
  },
  { id: 'undo', label: { ja: '元に戻す', en: 'Undo' }, defaultShortcuts: ['Ctrl+Z'], run: (c) => c.undo() },
  { id: 'redo', label: { ja: 'やり直し', en: 'Redo' }, defaultShortcuts: ['Ctrl+Y', 'Ctrl+Shift+Z'], run: (c) => c.redo() },
  {
    id: 'find',
    label: { ja: '検索と置換', en: 'Find and replace' },
    defaultShortcuts: ['Ctrl+F', 'Ctrl+H'],
    run: (c) => c.openPanel('find'),
  },
  { id: 'speakers', label: { ja: '話者の一覧', en: 'Speakers' }, defaultShortcuts: ['Ctrl+Shift+S'], run: (c) => c.openPanel('speakers') },
  {
    id: 'toggleFollow',
    label: { ja: '再生位置を追う（切替）', en: 'Follow playback (toggle)' },
    defaultShortcuts: ['Ctrl+Shift+F'],
    run: (c) => c.toggleFollow(),
  },
  {
    id: 'commands',
    label: { ja: 'コマンド一覧', en: 'Command menu' },
    defaultShortcuts: ['Ctrl+K', 'Ctrl+Shift+P'],
    run: (c) => c.openPanel('commands'),
  },
  {
    id: 'help',
    label: { ja: 'ショートカット一覧', en: 'Keyboard shortcuts' },
    defaultShortcuts: ['Ctrl+/', 'F10'],
    run: (c) => c.openPanel('help'),
  },
  { id: 'settings', label: { ja: '設定', en: 'Settings' }, defaultShortcuts: ['Ctrl+,'], run: (c) => c.openPanel('settings') },
];
