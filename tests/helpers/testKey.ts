/** A fixed pseudonym key, so tests are deterministic and their pseudonyms can be recomputed. */
import { pseudonymKey, type PseudonymKey } from '../../etl/load/pseudonymKey.ts';

export const testKeyBytes: Buffer = Buffer.from('726573737572737465616d2d74657374206b65792c206e6f742061207365637265742121', 'hex');

export function testPseudonymKey(bytes: Buffer = testKeyBytes): PseudonymKey {
  return pseudonymKey(bytes);
}
