// The store's errors, in Japanese and English. Only existing ErrorCode values are used:
// a missing row or a malformed request is BAD_ARGUMENTS, an unreadable file INPUT_CORRUPT.
import { GijirokuError } from '../common/errors';

export function newerDatabaseError(path: string, found: number, supported: number): GijirokuError {
  return new GijirokuError('BAD_ARGUMENTS', {
    ja: `このデータ（${path}）は新しいバージョンの議事録アプリで作成されたため、このバージョンでは開けません（データ形式 ${found}、対応 ${supported} まで）。データは一切変更していません。アプリを最新版に更新してください。`,
    en: `This data (${path}) was made by a newer version of Gijiroku and cannot be opened by this version (format ${found}, supported up to ${supported}). Nothing was changed. Please update the app.`,
  });
}

export function notADatabaseError(path: string, cause?: unknown): GijirokuError {
  return new GijirokuError(
    'INPUT_CORRUPT',
    {
      ja: `データファイル（${path}）が壊れているか、議事録アプリのデータではありません。ファイルは変更していません。`,
      en: `The data file (${path}) is damaged or is not Gijiroku data. The file was not changed.`,
    },
    { cause },
  );
}

export function notFoundError(what: 'meeting' | 'segment' | 'speaker' | 'job' | 'term', id: number): GijirokuError {
  const ja = { meeting: '会議', segment: '発言', speaker: '話者', job: '処理', term: '用語' }[what];
  return new GijirokuError('BAD_ARGUMENTS', {
    ja: `指定された${ja}（ID ${id}）が見つかりません。画面を更新してから、もう一度操作してください。`,
    en: `The ${what} with id ${id} does not exist. Refresh the screen and try again.`,
  });
}

export function invalidInputError(detailEn: string, detailJa: string = detailEn): GijirokuError {
  return new GijirokuError('BAD_ARGUMENTS', {
    ja: `入力が正しくありません：${detailJa}`,
    en: `Invalid input: ${detailEn}`,
  });
}

export function badRegexError(pattern: string, cause: unknown): GijirokuError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new GijirokuError(
    'BAD_ARGUMENTS',
    {
      ja: `正規表現「${pattern}」が正しくありません（${reason}）。何も置換していません。`,
      en: `The regular expression "${pattern}" is invalid (${reason}). Nothing was replaced.`,
    },
    { cause },
  );
}

export function duplicateTermError(surface: string, reading: string): GijirokuError {
  return new GijirokuError('BAD_ARGUMENTS', {
    ja: `「${surface}（${reading}）」は用語辞書にすでにあります。表記かよみを変えてください。`,
    en: `"${surface}" (${reading}) is already in the term dictionary. Change the surface form or the reading.`,
  });
}
