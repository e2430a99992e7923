import { useCallback, useEffect, useState } from 'react';
import type { ModelInfo } from '../../../native/common/api';
import { api } from '../api/api';
import { useSettings } from '../settings/SettingsProvider';

/** The models found, and the one chosen last (the council's setting: the same on every screen, after a restart too). */
export function useModels(reportError: (e: unknown) => void): {
  models: ModelInfo[];
  modelPath: string;
  chooseModel(path: string): void;
} {
  const { settings, save } = useSettings();
  const [models, setModels] = useState<ModelInfo[]>([]);
  useEffect(() => {
    api.listModels().then(setModels, reportError);
  }, [reportError]);
  // a model chosen earlier that is no longer found gives way to the first one found
  const chosen = settings.modelPath;
  const modelPath = models.some((m) => m.path === chosen) ? chosen : (models[0]?.path ?? '');
  const chooseModel = useCallback(
    (path: string) => {
      save({ modelPath: path }).catch(reportError);
    },
    [save, reportError],
  );
  return { models, modelPath, chooseModel };
}
