/**
 * The attacker (suppressionAttacker.ts) as the two rectors, and the checks of its method,
 * its fixture and issue 8's examples. The municipality and PPT viewers are in
 * suppressionAttacker.scoped.test.ts: two files, so the two test workers ask at once.
 */
import { attackerSuite } from './suppressionAttacker.ts';

attackerSuite(['rektor-a', 'rektor-t'], { withChecks: true });
