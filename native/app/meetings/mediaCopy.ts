// A recording the user picked outside the data folder is copied in at import: the meeting then plays
// and transcribes its own owner-only copy, which no other account can swap for a link to something
// else, and deleting the meeting deletes it.
import { closeSync, createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { diskFullError, isDiskFull } from '../../common/errors';
import { openUniqueFile, safeUploadName } from '../../files/uploadName';
import { openAtomicFile } from '../../files/writeFileAtomic';

export async function copyIntoMedia(source: string, mediaDir: string): Promise<string> {
  mkdirSync(mediaDir, { recursive: true, mode: 0o700 });
  const reserved = openUniqueFile(mediaDir, safeUploadName(basename(source)));
  closeSync(reserved.fd);
  const copy = openAtomicFile(reserved.path);
  try {
    await pipeline(createReadStream(source), createWriteStream('', { fd: copy.fd, autoClose: false }));
    copy.commit();
  } catch (e) {
    copy.abort();
    rmSync(reserved.path, { force: true });
    throw isDiskFull(e) ? diskFullError(mediaDir, e) : e;
  }
  return reserved.path;
}
