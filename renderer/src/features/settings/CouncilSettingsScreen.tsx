import { useCallback, useEffect, useState } from 'react';
import type { CouncilSettings } from '../../../../native/common/api';
import { api } from '../../api/api';
import { useNotices } from '../../components/Notices';
import { useI18n } from '../../i18n/i18n';
import { CleanupPreview } from './CleanupPreview';
import { CleanupRuleTable } from './CleanupRuleTable';
import { MinutesStyleForm } from './MinutesStyleForm';

/** 議事録の設定: the council's ケバ取り rules and 会議録 house style; every change is saved at once. */
export function CouncilSettingsScreen({ onBack }: { onBack(): void }) {
  const { t } = useI18n();
  const { reportError, inform } = useNotices();
  const [settings, setSettings] = useState<CouncilSettings | null>(null);
  const [savedAt, setSavedAt] = useState(0);

  useEffect(() => {
    api.getCouncilSettings().then(setSettings, reportError);
  }, [reportError]);

  const save = useCallback(
    (next: CouncilSettings) => {
      setSettings(next);
      api.saveCouncilSettings(next).then(
        (s) => {
          setSettings(s);
          setSavedAt(Date.now());
        },
        (e: unknown) => {
          reportError(e);
          api.getCouncilSettings().then(setSettings, reportError);
        },
      );
    },
    [reportError],
  );

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
          <button type="button" className="button button-quiet" onClick={onBack}>
            {t('back')}
          </button>
          <h2>{t('councilSettings')}</h2>
          <button type="button" className="button" data-testid="settings-reset" onClick={reset}>
            {t('settingsReset')}
          </button>
        </div>
        {settings === null ? (
          <p className="muted">{t('loading')}</p>
        ) : (
          <>
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
