/**
 * Once a batch's bytes are sent, asks the server every half second what the import is doing
 * and shows it (GET /api/imports/stage) until `stop`. A failed ask leaves the text as it is.
 */
import { getImportStage } from '../../api/importHistoryEndpoints.ts';
import type { Lang } from '../../i18n/lang.ts';
import { stageText } from './stageStrings.ts';

export function watchServerStage(lang: Lang, show: (text: string) => void): () => void {
  let stopped = false;
  const ask = async (): Promise<void> => {
    if (stopped) return;
    try {
      const text = stageText(await getImportStage(), lang);
      if (text && !stopped) show(text);
    } catch {
      // The import's own answer says how it went; the stage is only a courtesy.
    }
    if (!stopped) timer = setTimeout(() => void ask(), 500);
  };
  let timer = setTimeout(() => void ask(), 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
