/** Loads the units the user may see (GET /api/units) and builds the tree. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type Query } from '../api';
import { showError } from '../feedback';
import type { Unit } from '../types';
import { buildUnitTree } from './units';

export function useUnits(query?: Query, enabled = true) {
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(query ?? {});
  const reload = useCallback(async () => {
    if (!enabled) return;
    setLoading(true);
    try {
      const r = await api.get<{ items: Unit[] }>('/api/units', JSON.parse(key) as Query);
      setUnits(r.items);
    } catch (err) {
      showError(err);
    } finally {
      setLoading(false);
    }
  }, [key, enabled]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const tree = useMemo(() => buildUnitTree(units), [units]);
  return { units, tree, loading, reload };
}
