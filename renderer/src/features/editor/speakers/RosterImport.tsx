import { useI18n } from '../../../i18n/i18n';
import { useFileChooser } from '../../../hooks/useFileChooser';
import type { SpeakerLabels } from './useSpeakerLabels';

/** The meeting's 出席者名簿 from a TSV/CSV file (Excel, UTF-8 or Shift_JIS); a bad file's lines stay on screen. */
export function RosterImport({ identity }: { identity: SpeakerLabels }) {
  const { t, pick } = useI18n();
  const chooser = useFileChooser('roster', identity.importRoster);
  return (
    <section className="roster-import">
      <button type="button" className="button button-quiet" data-testid="roster-import" onClick={chooser.open}>
        {identity.roster.length > 0 ? t('rosterReplace') : t('rosterImport')}
      </button>
      {identity.roster.length > 0 && <span className="muted">{t('rosterCount').replace('{n}', String(identity.roster.length))}</span>}
      <input
        ref={chooser.inputRef}
        type="file"
        hidden
        data-testid="roster-import-file"
        accept=".tsv,.csv,.txt,text/tab-separated-values,text/csv,text/plain"
        onChange={chooser.onInputChange}
      />
      {identity.importError && (
        <pre className="term-import-errors" data-testid="roster-import-errors" role="alert">
          {pick(identity.importError)}
        </pre>
      )}
    </section>
  );
}
