/**
 * The CSV columns of a figure table: the name, every figure's exact value, and every base
 * count the figures rest on (`n: …`). A missing value is an empty cell, a suppressed one
 * the word for "hidden", never a number.
 */
import type { BaseColumn, FigureBaseKey, FigureRow, FigureSpec } from '../api/types.ts';
import { figureValue, nBase } from '../data/figureValue.ts';
import type { CsvColumn } from '../export/csv.ts';
import type { Lang } from '../i18n/lang.ts';
import { figureLabel, type Strings } from '../i18n/strings.ts';

export interface NamedRow {
  readonly name: string;
  readonly row: FigureRow;
}

export function figureCsvColumns(specs: readonly FigureSpec[], nameHeader: string, t: Strings, lang: Lang): CsvColumn<NamedRow>[] {
  const bases = [...new Set(specs.map(nBase).filter((b): b is FigureBaseKey => b !== null))];
  return [
    { header: nameHeader, value: (r) => r.name },
    ...specs.map((spec) => ({
      header: figureLabel(spec, lang),
      value: (r: NamedRow) => {
        const v = figureValue(r.row, spec);
        return v.state === 'value' ? v.value : v.state === 'suppressed' ? t.suppressed : null;
      },
    })),
    ...bases.map((base) => ({
      header: `${t.n}: ${t.bases[base]}`,
      value: (r: NamedRow) => r.row[`n_${base}` as BaseColumn] ?? null,
    })),
  ];
}
