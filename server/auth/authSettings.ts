/** The resolved AuthConfig of an app's deps, worked out once per deps object. */
import type { AppDeps } from '../createApp.ts';
import { resolveAuthConfig, type ResolvedAuthConfig } from './authConfig.ts';

const resolved = new WeakMap<AppDeps, ResolvedAuthConfig>();

export function authSettings(deps: AppDeps): ResolvedAuthConfig {
  let settings = resolved.get(deps);
  if (!settings) {
    settings = resolveAuthConfig(deps.auth);
    resolved.set(deps, settings);
  }
  return settings;
}
