import { useCallback, useEffect, useState } from 'react';
import type { CouncilSettings } from '../../../../native/common/api';
import { api } from '../../api/api';
import { useNotices } from '../../components/Notices';
import { useI18n } from '../../i18n/i18n';
import { CleanupPreview } from './CleanupPreview';
import { CleanupRuleTable } from './CleanupRuleTable';
import { MinutesStyleForm } from './MinutesStyleForm';

/** The council's name, saved when the field is left (typing is IME composition, not one save per key). */
function CouncilNameField({ value, onSave }: { value: string; onSave(name: string): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => { if (draft.trim() !== value) onSave(draft.trim()); };
  return (
    <input className="council-name" data-testid="council-name" aria-label={t('councilName')} maxLength={60}
      placeholder={t('councilNamePlaceholder')} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit}
      onKeyDown={(e) => { if (e.key === 'Enter' && !e.nativeEvent.isComposing) commit(); }} />
  );
}

/** 議事録の設定: the council's name, ケバ取り rules and 会議録 house style; every change is saved at once. */
export function CouncilSettingsScreen({ onBack }: { onBack(): void }) {
  const { t } = useI18n();
  const { reportError, inform } = useNotices();
  const [settings, setSettings] = useState<CouncilSettings | null>(null);
  const [savedAt, setSavedAt] = useState(0);

  useEffect(() => { api.getCouncilSettings().then(setSettings, reportError); }, [reportError]);

  const save = useCallback((next: CouncilSettings) => {
    setSettings(next);
    api.saveCouncilSettings(next).then((s) => { setSettings(s); setSavedAt(Date.now()); }, (e: unknown) => {
      reportError(e);
      api.getCouncilSettings().then(setSettings, reportError);
    });
  }, [reportError]);

  const reset = () => {
    if (!window.confirm(t('settingsResetConfirm'))) return;
    api.resetCouncilSettings().then((s) => {
      setSettings(s);
      setSavedAt(Date.now());
      inform({ ja: '既定の設定に戻しました。', en: 'Settings reset to the defaults.' });
    }, reportError);
  };

  return (
    <main className="settings-screen" data-testid="council-settings">
      <section className="panel settings-panel">
        <div className="terms-header">
          <button type="button" className="button button-quiet" onClick={onBack}>{t('back')}</button>
          <h2>{t('councilSettings')}</h2>
          <button type="button" className="button" data-testid="settings-reset" onClick={reset}>{t('settingsReset')}</button>
        </div>
        {settings === null ? <p className="muted">{t('loading')}</p> : (
          <>
            <h3>{t('councilName')}</h3>
            <p className="muted">{t('councilNameHelp')}</p>
            <CouncilNameField value={settings.councilName} onSave={(councilName) => save({ ...settings, councilName })} />
            <h3>{t('cleanupRules')}</h3>
            <p className="muted">{t('cleanupRulesHelp')}</p>
            <CleanupRuleTable rules={settings.cleanupRules} onChange={(cleanupRules) => save({ ...settings, cleanupRules })} />
            <CleanupPreview savedAt={savedAt} />
            <h3>{t('minutesStyle')}</h3>
            <MinutesStyleForm style={settings.minutesStyle} onChange={(minutesStyle) => save({ ...settings, minutesStyle })} />
          </>
        )}
      </section>
    </main>
  );
}
