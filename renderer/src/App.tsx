import { EditorScreen } from './features/editor/EditorScreen';
import { LibraryScreen } from './features/library/LibraryScreen';
import { CouncilSettingsScreen } from './features/settings/CouncilSettingsScreen';
import { RecordingScreen } from './features/recording/RecordingScreen';
import { TermScreen } from './features/terms/TermScreen';
import { FirstRunGate } from './features/firstRun/FirstRunGate';
import { useHashRoute } from './hooks/useHashRoute';
import { NoticesProvider, useNotices } from './components/Notices';
import { I18nProvider, useI18n } from './i18n/i18n';
import { SettingsProvider } from './settings/SettingsProvider';

function AppShell() {
  const { t, lang, setLang } = useI18n();
  const { reportError } = useNotices();
  const [route, navigate] = useHashRoute();
  return (
    <div className="app">
      <header className="app-header">
        <a
          className="app-name"
          href="#/"
          onClick={(e) => {
            e.preventDefault();
            navigate({ screen: 'library' });
          }}
        >
          {t('appName')}
        </a>
        <button
          type="button"
          className="button button-quiet lang-switch"
          data-testid="lang-switch"
          title={t('languageSwitchTitle')}
          onClick={() => setLang(lang === 'ja' ? 'en' : 'ja').catch(reportError)}
        >
          {t('language')}
        </button>
      </header>
      {route.screen === 'editor' ? (
        <EditorScreen key={route.meetingId} meetingId={route.meetingId} onBack={() => navigate({ screen: 'library' })} />
      ) : route.screen === 'record' ? (
        <RecordingScreen onBack={() => navigate({ screen: 'library' })} onStopped={() => navigate({ screen: 'library' })} />
      ) : route.screen === 'terms' ? (
        <TermScreen onBack={() => navigate({ screen: 'library' })} />
      ) : route.screen === 'settings' ? (
        <CouncilSettingsScreen onBack={() => navigate({ screen: 'library' })} />
      ) : (
        <FirstRunGate>
          <LibraryScreen
            onOpenMeeting={(id) => navigate({ screen: 'editor', meetingId: id })}
            onOpenTerms={() => navigate({ screen: 'terms' })}
            onOpenSettings={() => navigate({ screen: 'settings' })}
            onOpenRecording={() => navigate({ screen: 'record' })}
          />
        </FirstRunGate>
      )}
    </div>
  );
}

export function App() {
  return (
    <SettingsProvider>
      <I18nProvider>
        <NoticesProvider>
          <AppShell />
        </NoticesProvider>
      </I18nProvider>
    </SettingsProvider>
  );
}
