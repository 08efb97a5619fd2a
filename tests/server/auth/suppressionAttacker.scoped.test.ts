/**
 * The attacker (suppressionAttacker.ts) as the municipality and PPT viewers, each scoped to
 * a whole municipality. The rectors, and the checks of the method, are in
 * suppressionAttacker.rectors.test.ts.
 */
import { attackerSuite } from './suppressionAttacker.ts';

attackerSuite(['kommune-solvik', 'ppt-tofte'], { withChecks: false });
