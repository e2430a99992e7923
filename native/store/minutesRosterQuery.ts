// The meeting's roster (migration 0001) as the people the 会議録 export needs: read only.
import type { Database } from 'better-sqlite3';
import type { RosterMember } from '../common/speakers';

export function minutesRoster(db: Database, meetingId: number): RosterMember[] {
  return db.prepare('SELECT name, yomi, role, seat, mark FROM roster WHERE meeting_id = ? ORDER BY id').all(meetingId) as RosterMember[];
}
