/**
 * Units arrive flat; these helpers build the visible forest (a unit whose parent is not in the list is a root).
 */
import type { Unit } from '../types';
import { UNIT_TYPES } from '../../shared/permissions';

export type UnitNode = Unit & { children?: UnitNode[] };

const byOrder = (a: Unit, b: Unit) => a.sortOrder - b.sortOrder || a.id - b.id;

/** The forest of `units`, children sorted by sortOrder then id; leaves have no `children` (so tables show no expander). */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const u of [...units].sort(byOrder)) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId != null ? nodes.get(u.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export interface UnitTreeOption {
  value: number;
  title: string;
  key: number;
  disabled?: boolean;
  children?: UnitTreeOption[];
}

/** Tree-select / Tree data; `disable` marks nodes that cannot be chosen (their subtree too when `disableSubtree`). */
export function unitTreeOptions(tree: UnitNode[], disable?: (u: Unit) => boolean, disableSubtree = false): UnitTreeOption[] {
  const walk = (nodes: UnitNode[], parentDisabled: boolean): UnitTreeOption[] =>
    nodes.map((n) => {
      const off = parentDisabled || !!disable?.(n);
      return {
        value: n.id,
        key: n.id,
        title: n.status === 'disabled' ? `${n.name}（已停用）` : n.name,
        disabled: off || undefined,
        children: n.children ? walk(n.children, disableSubtree && off) : undefined,
      };
    });
  return walk(tree, false);
}

/** Ids of every node that has children (to expand the whole tree). */
export function branchIds(tree: UnitNode[]): number[] {
  const out: number[] = [];
  const walk = (ns: UnitNode[]) => ns.forEach((n) => n.children && (out.push(n.id), walk(n.children)));
  walk(tree);
  return out;
}

export const unitTypeLabel = (code: string) => (UNIT_TYPES as Record<string, string>)[code] ?? code;

export const UNIT_TYPE_OPTIONS = Object.entries(UNIT_TYPES).map(([value, label]) => ({ value, label }));
