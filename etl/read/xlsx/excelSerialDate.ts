/**
 * An Excel serial date as `YYYY-MM-DD`. Excel stores a date as a number of days: in the
 * 1900 system (Windows Excel) serial 1 is 1900-01-01 and serial 60 is 29 February 1900, a
 * day that never was (Lotus 1-2-3's leap-year bug, kept by Excel), so from 61 on the days
 * count from 1899-12-30; in the 1904 system (old Mac Excel) serial 0 is 1904-01-01. A time of
 * day (the fraction) is dropped. Null for a number that is no date in Excel (below 1, or
 * after 9999-12-31): the text of the number is then validated as it is, and refused.
 */
const day = 86_400_000;
const lastSerial1900 = 2_958_465; // 9999-12-31

export function excelSerialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  const days = Math.floor(serial);
  if (date1904) {
    if (days < 0 || days > lastSerial1900 - 1462) return null;
    return new Date(Date.UTC(1904, 0, 1) + days * day).toISOString().slice(0, 10);
  }
  if (days < 1 || days > lastSerial1900) return null;
  // Written as the date Excel shows; the importer refuses it as an impossible date.
  if (days === 60) return '1900-02-29';
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + days * day).toISOString().slice(0, 10);
}
