/** GET /api/public/site (no sign-in), fetched once per page load. */
import { useEffect, useState } from 'react';
import { api } from '../api';
import type { PortalSite } from '../types';

let cached: Promise<PortalSite> | null = null;

export function fetchPortalSite(): Promise<PortalSite> {
  cached ??= api.get<PortalSite>('/api/public/site', undefined, { noRedirect: true }).catch((err) => {
    cached = null;
    throw err;
  });
  return cached;
}

/** The site, or null while loading / when the server cannot be reached. */
export function usePortalSite(): PortalSite | null {
  const [site, setSite] = useState<PortalSite | null>(null);
  useEffect(() => {
    let alive = true;
    fetchPortalSite().then(
      (s) => alive && setSite(s),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  return site;
}
