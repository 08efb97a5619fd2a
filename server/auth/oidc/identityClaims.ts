/**
 * What the product takes from an ID token's claims, by the claim names configured for the
 * provider: the subject (to pseudonymise), the organisations and the groups (to find a
 * mapping). The name is never taken: it would have to be stored or logged somewhere.
 *
 * Claim values come as a string, a list of strings, or (Feide's groups) objects with an `id`.
 * Entra ID puts no groups in the token past 200 of them; it names a claim source instead
 * (`_claim_names.groups`, the "overage"): `groupsOverage` says so, and the groups are then
 * fetched from Microsoft Graph (identityGroups.ts). The values are never cut short here:
 * identityGroups refuses a token with more groups than any source may give (groupLimits).
 */
import type { OidcProviderConfig } from './oidcProviderConfig.ts';

export interface IdentityClaims {
  readonly subject: string;
  readonly organisations: readonly string[];
  readonly groups: readonly string[];
  readonly groupsOverage: boolean;
}

const maxLength = 256;

function values(claim: unknown): string[] {
  const list = Array.isArray(claim) ? claim : claim === undefined || claim === null ? [] : [claim];
  return list
    .map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null))
    .filter((v): v is string => v !== null && v.length > 0 && v.length <= maxLength);
}

/** The identity, or null when the subject claim is missing or not a short string. */
export function identityClaims(provider: OidcProviderConfig, claims: Readonly<Record<string, unknown>>): IdentityClaims | null {
  const raw = claims[provider.claimId];
  const subject = typeof raw === 'number' ? String(raw) : raw;
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > maxLength) return null;
  const claimNames = claims._claim_names as Record<string, unknown> | undefined;
  return {
    subject,
    organisations: provider.claimOrganisation ? values(claims[provider.claimOrganisation]) : [],
    groups: provider.claimGroups ? values(claims[provider.claimGroups]) : [],
    groupsOverage: provider.claimGroups !== undefined && typeof claimNames === 'object' && claimNames !== null && provider.claimGroups in claimNames,
  };
}
