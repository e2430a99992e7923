import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { LocalizedText } from '../../../native/common/errors';
import { toApiError } from '../api/apiError';
import { useI18n } from '../i18n/i18n';

interface Notice {
  id: number;
  text: LocalizedText;
  kind: 'error' | 'info';
}

interface NoticesApi {
  reportError(e: unknown): void;
  inform(text: LocalizedText): void;
}

const NoticesContext = createContext<NoticesApi | null>(null);
let nextNoticeId = 1;

/** Errors and short confirmations, shown in the UI language at the top of the window. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const { pick, t } = useI18n();
  const [notices, setNotices] = useState<Notice[]>([]);
  const push = useCallback((text: LocalizedText, kind: Notice['kind']) => {
    const id = nextNoticeId++;
    setNotices((list) => [...list.slice(-3), { id, text, kind }]);
    if (kind === 'info') setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 4000);
  }, []);
  const value = useMemo<NoticesApi>(
    () => ({
      reportError: (e) => {
        console.error(e);
        push(toApiError(e).text, 'error');
      },
      inform: (text) => push(text, 'info'),
    }),
    [push],
  );
  return (
    <NoticesContext.Provider value={value}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : undefined}>
            <span>{pick(n.text)}</span>
            <button
              type="button"
              className="notice-close"
              aria-label={t('close')}
              onClick={() => setNotices((list) => list.filter((x) => x.id !== n.id))}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticesContext.Provider>
  );
}

export function useNotices(): NoticesApi {
  const value = useContext(NoticesContext);
  if (!value) throw new Error('useNotices outside NoticesProvider');
  return value;
}
