/** changeText: the change of a key figure from last year, signed, rates in percentage points. */
import { describe, expect, it } from 'vitest';
import type { FigureSpec } from '../../dashboard/api/types.ts';
import { changeText } from '../../dashboard/views/yearwheel/keyFigureTable.ts';
import type { KeyFigureRow } from '../../dashboard/views/yearwheel/keyFigureRows.ts';
import { yearWheelStrings } from '../../dashboard/views/yearwheel/strings.ts';

const spec = (kind: FigureSpec['kind']) => ({ key: 'k', kind, label: { nb: 'k', en: 'k' } }) as unknown as FigureSpec;
const row = (kind: FigureSpec['kind'], change: number | null): KeyFigureRow => ({ spec: spec(kind), current: null, previous: null, change, median: null });

describe('changeText', () => {
  it.each([
    ['count', 8, 'nb', '+8'],
    ['count', -12, 'nb', '\u221212'],
    ['count', 0, 'nb', '0'],
    ['median', 0.5, 'nb', '+0,5'],
    ['rate', 0.042, 'nb', '+4,2 prosentpoeng'],
    ['rate', -0.1, 'en', '\u221210 percentage points'],
    ['count', null, 'nb', '–'],
  ] as const)('%s %s (%s) → %s', (kind, change, lang, text) => {
    expect(changeText(row(kind, change), lang, yearWheelStrings(lang))).toBe(text);
  });
});
