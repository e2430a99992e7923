// Paths Windows resolves somewhere other than a local file: a UNC share (\\server\share — opening it
// makes SMB authenticate to that host), a device (\\.\, \\?\, CON, NUL, COM1 …) or an alternate data
// stream (file.txt:hidden). Pure, with the platform as a parameter, so it is tested on any OS.
import type { LocalizedText } from '../common/errors';

const DEVICE_NAME = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\.[^.]*)?$/i;

export function refusedWindowsPath(path: string, platform: NodeJS.Platform = process.platform): LocalizedText | null {
  if (platform !== 'win32') return null;
  if (/^[\\/]{2}/.test(path)) {
    return {
      ja: `「${path}」はネットワーク上の場所かデバイスです。この PC のファイルを選んでください。`,
      en: `"${path}" is a network location or a device. Choose a file on this PC.`,
    };
  }
  if (path.split(/[\\/]/).some((p) => DEVICE_NAME.test(p.replace(/[ .]+$/, '')))) {
    return {
      ja: `「${path}」は Windows の装置名です。ファイルを選んでください。`,
      en: `"${path}" is a Windows device name. Choose a file.`,
    };
  }
  // a colon anywhere but after the drive letter names a stream
  if (path.replace(/^[A-Za-z]:/, '').includes(':')) {
    return {
      ja: `「${path}」は代替データストリームです。ファイルを選んでください。`,
      en: `"${path}" is an alternate data stream. Choose a file.`,
    };
  }
  return null;
}
