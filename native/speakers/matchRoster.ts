// Which roster entry a called name, seat or title means. Pure: readings of kanji text come from an
// optional function (kuromoji in the CLI), so whisper's miswritten names can still match by sound.
import type { RosterMember } from '../common/speakers';
import { comparableReading, isKanaOnly, moraDistance, morae } from '../dictionary/kana';

/** comparable katakana reading of a piece of text, or null when unknown */
export type ReadingOf = (text: string) => string | null;

export interface RosterMatch {
  member: number;
  /** how it matched, for the clerk: 氏名, 姓, 職名, 議席, よみ */
  by: 'name' | 'surname' | 'role' | 'seat' | 'yomi';
}

/** Shortest surname we try inside longer text; a one-kanji surname (林) only when it is all the text. */
const MIN_SURNAME = 2;
const MIN_KANA_PREFIX = 3;

/**
 * A called name: the full 氏名, or a surname (a prefix of the 氏名 that no other member shares),
 * or — for kana text or through `readingOf` — a prefix of the よみ. `text` is what precedes 君/委員/議員.
 * The longest match at the end of `text` wins, so 「5番鈴木」 and 「ただいま鈴木」 both find 鈴木.
 */
export function matchName(roster: RosterMember[], text: string, readingOf?: ReadingOf): RosterMatch | null {
  for (let from = 0; from < text.length; from++) {
    const tail = text.slice(from);
    const byName = uniqueIndex(roster, (m) => m.name === tail);
    if (byName !== null) return { member: byName, by: 'name' };
    if (tail.length >= MIN_SURNAME || from === 0) {
      const bySurname = uniqueIndex(roster, (m) => m.name.length > tail.length && m.name.startsWith(tail));
      if (bySurname !== null) return { member: bySurname, by: 'surname' };
    }
  }
  // by sound: kana as written, or the reading of kanji whisper wrote wrongly
  for (let from = 0; from < text.length; from++) {
    const tail = text.slice(from);
    const reading = isKanaOnly(tail) ? comparableReading(tail) : (readingOf?.(tail) ?? null);
    if (!reading || reading.length < MIN_KANA_PREFIX) continue;
    const byYomi = uniqueIndex(roster, (m) => m.yomi !== '' && comparableReading(m.yomi).startsWith(reading));
    if (byYomi !== null) return { member: byYomi, by: 'yomi' };
  }
  return null;
}

/** A called title (区長, 保育課長, 副議長): the longest 職名 at the end of `text` held by exactly one member. */
export function matchRole(roster: RosterMember[], text: string): RosterMatch | null {
  let best: { member: number; length: number } | null = null;
  for (const role of new Set(roster.map((m) => m.role))) {
    if (role === '' || !text.endsWith(role) || (best && best.length >= role.length)) continue;
    const member = uniqueIndex(roster, (m) => m.role === role);
    if (member !== null) best = { member, length: role.length };
  }
  return best ? { member: best.member, by: 'role' } : null;
}

/** Roles this long (in morae) may be misheard by one mora and still match: 保育会長 for 保育課長. */
const MIN_FUZZY_ROLE_MORAE = 5;

/** A 職名 whisper wrote wrongly, by sound: the end of `text` is within one mora of the role's reading. */
export function matchRoleBySound(roster: RosterMember[], text: string, readingOf: ReadingOf): RosterMatch | null {
  const heard = readingOf(text);
  if (!heard) return null;
  const heardMorae = morae(heard);
  let found: number | null = null;
  for (const role of new Set(roster.map((m) => m.role))) {
    const reading = role === '' ? null : readingOf(role);
    if (!reading) continue;
    const want = morae(reading);
    if (want.length < MIN_FUZZY_ROLE_MORAE) continue;
    const close = [-1, 0, 1].some((d) => {
      const n = want.length + d;
      return n > 0 && n <= heardMorae.length && moraDistance(heardMorae.slice(-n), want, 1) <= 1;
    });
    const member = close ? uniqueIndex(roster, (m) => m.role === role) : null;
    if (member === null) continue;
    if (found !== null && found !== member) return null;
    found = member;
  }
  return found === null ? null : { member: found, by: 'yomi' };
}

export function matchSeat(roster: RosterMember[], seat: string): RosterMatch | null {
  const member = uniqueIndex(roster, (m) => m.seat !== '' && m.seat === String(Number(seat)));
  return member === null ? null : { member, by: 'seat' };
}

function uniqueIndex(roster: RosterMember[], test: (m: RosterMember) => boolean): number | null {
  let found: number | null = null;
  for (let i = 0; i < roster.length; i++) {
    if (!test(roster[i]!)) continue;
    if (found !== null) return null;
    found = i;
  }
  return found;
}
