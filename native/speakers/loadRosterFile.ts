// A roster file from disk, all or nothing: any bad row refuses the file with every bad line named.
import { GijirokuError } from '../common/errors';
import { MAX_ROSTER_BYTES, notThisKindOfFile, plausibleRows, readRegularFile } from '../files/readUserFile';
import type { RosterMember } from '../common/speakers';
import { parseRosterFile } from './parseRosterFile';

/** Reads the roster file; any bad row stops the run with every bad line named. */
export function loadRosterFile(path: string): RosterMember[] {
  const bytes = readRegularFile(path, MAX_ROSTER_BYTES, { ja: '出席者名簿', en: 'roster' });
  const { members, errors } = parseRosterFile(bytes, path);
  if (errors.length > 0 && !plausibleRows(bytes, errors)) {
    throw notThisKindOfFile(path, { ja: '出席者名簿', en: 'roster' }, '氏名・よみ・職名・議席', 'name, yomi, role, seat');
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, 10);
    throw new GijirokuError('BAD_ARGUMENTS', {
      ja: `出席者名簿「${path}」に誤りがあるため、何も読み込んでいません：\n${shown.map((e) => `  ${e.line} 行目: ${e.message.ja}`).join('\n')}`,
      en: `The roster "${path}" has errors, so nothing was read:\n${shown.map((e) => `  line ${e.line}: ${e.message.en}`).join('\n')}`,
    });
  }
  return members;
}
