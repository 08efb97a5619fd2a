/**
 * Arrow IPC bytes as plain row objects. A module of its own so that http.ts can import it
 * on demand and Arrow is still tree-shaken (a dynamic import of 'apache-arrow' itself would
 * keep every export of the library).
 */
import { tableFromIPC } from 'apache-arrow';

export function arrowRows<T>(bytes: Uint8Array): T[] {
  return tableFromIPC(bytes)
    .toArray()
    .map((row) => row.toJSON() as T);
}
