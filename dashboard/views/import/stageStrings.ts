/** The server's import stages as the import page's progress shows them, bokmål, English and Swedish. */
import type { ServerImportStage } from '../../api/importHistoryEndpoints.ts';
import type { Lang } from '../../i18n/lang.ts';

type Running = Exclude<ServerImportStage, 'idle'>;

const nb: Record<Running, string> = {
  reading: 'Serveren leser og kontrollerer filene …',
  loading: 'Serveren lagrer radene …',
  quarantine: 'Serveren lagrer de avviste radene …',
  figures: 'Serveren regner ut nøkkeltallene på nytt …',
};

const en: Record<Running, string> = {
  reading: 'The server is reading and checking the files …',
  loading: 'The server is storing the rows …',
  quarantine: 'The server is storing the rejected rows …',
  figures: 'The server is recomputing the key figures …',
};

const sv: Record<Running, string> = {
  reading: 'Servern läser och kontrollerar filerna …',
  loading: 'Servern sparar raderna …',
  quarantine: 'Servern sparar de avvisade raderna …',
  figures: 'Servern räknar om nyckeltalen …',
};

export function stageText(stage: ServerImportStage, lang: Lang): string | null {
  if (stage === 'idle') return null;
  return (lang === 'en' ? en : lang === 'sv' ? sv : nb)[stage];
}
