// The 会議録 as data: what minutesToDocx and minutesToText print. Pure types and defaults;
// nothing here knows about Word or the store.

/** One line of an attendance list: a member with a seat number, or an official with a title. */
export interface RosterEntry {
  name: string;
  /** 議席番号 for members (5 or '5'); printed as ５番 */
  seat?: number | string;
  /** 職名 for explainers and secretariat: 区長, 保育課長, 事務局長 … */
  role?: string;
}

export interface MinutesSpeaker {
  /** 氏名, may be empty when the clerk has not named the speaker yet */
  name: string;
  /** 職名 as printed: 議長, 5番, 区長, 保育課長 … */
  role: string;
  /** overrides the mark the style would choose (e.g. '○' for a 年長議員 acting as chair) */
  mark?: string;
}

export type MinutesItem =
  | { kind: 'turn'; speaker: MinutesSpeaker; text: string; /** the clerk's filler-free text, when known */ clean?: string }
  /** 午前10時開会, 休憩, 再開, 散会 — printed alone on an indented line */
  | { kind: 'time'; text: string }
  /** 「異議なし」と呼ぶ者あり — printed in 〔 〕 */
  | { kind: 'stage'; text: string }
  /** a rule between 日程 items, with the next item's title under it when given */
  | { kind: 'agendaBreak'; title?: string };

export interface MinutesDocument {
  /** 令和6年第4回〇〇市議会定例会会議録（第1号） */
  title: string;
  meeting: {
    /** ISO yyyy-mm-dd */
    date: string;
    /** 24-hour HH:MM, printed as 午前10時 */
    startTime?: string;
    place: string;
    /** 会議体: 本会議, 厚生委員会 …; a 委員会 prints 出席委員 instead of 出席議員 */
    body: string;
  };
  attendance: {
    present: RosterEntry[];
    absent: RosterEntry[];
    /** 説明のため出席した者 */
    explainers: RosterEntry[];
    /** 職務のため出席した事務局職員 */
    secretariat: RosterEntry[];
  };
  /** 会議に付した事件, one line each */
  agenda: string[];
  items: MinutesItem[];
}

/** Per-council house style. Every council prints minutes a little differently. */
export interface MinutesStyle {
  /** 'circleOnly': ○ for everyone; 'byRole': see speakerMark in formatSpeaker.ts */
  marks: 'circleOnly' | 'byRole';
  /** appended inside the parentheses: （鈴木健太郎君） / （鈴木健太郎議員） / （鈴木健太郎） */
  honorific: '君' | '議員' | '';
  /**
   * who gets the honorific: 'everyone' (国会 and many Tokyo wards: ◎区長（…君）) or
   * 'councillors' (chair and members only; executives and staff bare). '議員' only ever goes to councillors.
   */
  honorificFor: 'everyone' | 'councillors';
  /** 算用数字 (令和6年, ５番) or 漢数字 (令和六年, 五番) in everything printed */
  numerals: 'arabic' | 'kanji';
  /** verbatim keeps えー/あのー; clean prints the clerk's clean text or drops those fillers */
  text: 'verbatim' | 'clean';
}

export const DEFAULT_MINUTES_STYLE: MinutesStyle = {
  marks: 'byRole',
  honorific: '君',
  honorificFor: 'everyone',
  numerals: 'arabic',
  text: 'clean',
};
