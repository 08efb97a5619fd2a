import { describe, expect, it } from 'vitest';
import { authConfigFromEnv, parseTrustProxy, resolveAuthConfig } from '../../../server/auth/authConfig.ts';

describe('resolveAuthConfig', () => {
  it('defaults: threshold 5, 30 minutes idle, 8 hours absolute, 5 sign-ins per 15 minutes, no proxy trusted', () => {
    const c = resolveAuthConfig();
    expect(c).toMatchObject({ suppressionThreshold: 5, idleTimeoutMs: 1_800_000, absoluteTimeoutMs: 28_800_000, loginAttempts: 5, loginWindowMs: 900_000, trustProxy: false });
  });
});

describe('authConfigFromEnv', () => {
  it('reads RT_SUPPRESSION_THRESHOLD, session lengths, TRUST_PROXY and allowed origins', () => {
    expect(
      authConfigFromEnv({ RT_SUPPRESSION_THRESHOLD: '10', RT_SESSION_IDLE_MINUTES: '15', RT_SESSION_MAX_HOURS: '2', TRUST_PROXY: '1', RT_ALLOWED_ORIGINS: 'https://a.example, https://b.example' }),
    ).toEqual({ suppressionThreshold: 10, idleTimeoutMs: 900_000, absoluteTimeoutMs: 7_200_000, trustProxy: 1, allowedOrigins: ['https://a.example', 'https://b.example'], oidcProviders: [] });
  });

  it('leaves unset variables to the defaults', () => {
    expect(resolveAuthConfig(authConfigFromEnv({})).suppressionThreshold).toBe(5);
  });

  it.each([['RT_SUPPRESSION_THRESHOLD', '0'], ['RT_SUPPRESSION_THRESHOLD', 'fem'], ['RT_SESSION_IDLE_MINUTES', '-3']])('refuses %s=%s, naming it', (name, value) => {
    expect(() => authConfigFromEnv({ [name]: value })).toThrow(name);
  });
});

describe('parseTrustProxy', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 127.0.0.1', '10.0.0.0/8, 127.0.0.1'],
  ])('parseTrustProxy(%j) is %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });
});
