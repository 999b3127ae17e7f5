import type { TAudience } from '@/lib/distribution/schemas';

type Params = Record<string, string | string[] | undefined>;
const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/**
 * The audience as the send form puts it in the preview's URL (audience=all|companies|businessUnits,
 * companyIds=…&companyIds=…). Null when none was chosen: nothing falls back to "all contacts".
 * The ids are checked by the service (a malformed one is a 400 naming the field).
 */
export function audienceFromParams(p: Params): TAudience | null {
  const type = all(p.audience)[0];
  if (type === 'all') return { type };
  if (type === 'companies') {
    const companyIds = all(p.companyIds);
    return companyIds.length ? { type, companyIds } : null;
  }
  if (type === 'businessUnits') {
    const businessUnitIds = all(p.businessUnitIds);
    return businessUnitIds.length ? { type, businessUnitIds } : null;
  }
  return null;
}

/** The same audience as URL parameters, for the preview's own links (paging, CSV, a refused confirm). */
export function audienceQuery(a: TAudience): URLSearchParams {
  const q = new URLSearchParams({ audience: a.type });
  if (a.type === 'companies') for (const id of a.companyIds) q.append('companyIds', id);
  if (a.type === 'businessUnits') for (const id of a.businessUnitIds) q.append('businessUnitIds', id);
  if (a.type === 'contacts') for (const id of a.contactIds) q.append('contactIds', id);
  return q;
}

export function searchParamsOf(url: URL): Params {
  const out: Params = {};
  for (const k of new Set(url.searchParams.keys())) out[k] = url.searchParams.getAll(k);
  return out;
}
