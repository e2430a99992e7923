import { useCallback, useEffect, useState } from 'react';
import type { ModelInfo } from '../../../native/common/api';
import { api } from '../api/api';

const MODEL_KEY = 'gijiroku.modelPath';

/** The models found, and the one the clerk chose last (remembered across screens and restarts). */
export function useModels(reportError: (e: unknown) => void): {
  models: ModelInfo[];
  modelPath: string;
  chooseModel(path: string): void;
} {
  const [models, setModels] = useState<ModelInfo[]>([]);
  const [modelPath, setModelPath] = useState(() => localStorage.getItem(MODEL_KEY) ?? '');
  useEffect(() => {
    api.listModels().then((list) => {
      setModels(list);
      setModelPath((current) => (list.some((m) => m.path === current) ? current : list[0]?.path ?? ''));
    }, reportError);
  }, [reportError]);
  const chooseModel = useCallback((path: string) => {
    localStorage.setItem(MODEL_KEY, path);
    setModelPath(path);
  }, []);
  return { models, modelPath, chooseModel };
}
