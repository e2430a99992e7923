import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../native/eval/corpus';

/**
 * Which speaker ids of the corpus are one voice, read from the corpus README's voice tables at run time:
 * `meeting:speaker` → engine and settings (the same settings are the same voice, corpus README "Voices").
 * The m01–m03 table has no engine column (all Open JTalk m001) and no mic column.
 */
export function voicesOfCorpus(readme = join(corpusDir() ?? '', 'README.md')): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(readme, 'utf8').split('\n')) {
    const cells = line
      .split('|')
      .map((c) => c.trim())
      .slice(1, -1);
    const [meeting, id] = cells;
    if (!meeting || !id || !/^m\d\d_/.test(meeting) || cells.length < 6) continue;
    const settings = cells.length >= 8 ? cells.slice(3, 8) : ['Open JTalk m001', ...cells.slice(3, 6), ''];
    out[`${meeting}:${id}`] = settings.join('/');
  }
  return out;
}
