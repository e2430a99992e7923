import { Packer } from 'docx';
import { writeFileAtomic } from '../../files/writeFileAtomic';
import { minutesToDocx } from './minutesToDocx';
import { DEFAULT_MINUTES_STYLE, type MinutesDocument, type MinutesStyle } from './minutesModel';

/** Writes the minutes as .docx under a temporary name and renames it: never a half-written file. */
export async function writeMinutesDocx(path: string, doc: MinutesDocument, style: MinutesStyle = DEFAULT_MINUTES_STYLE): Promise<void> {
  const buffer = await Packer.toBuffer(minutesToDocx(doc, style));
  writeFileAtomic(path, buffer);
}
