// Helpers over the region facet tree (province → city → county → township).
import type { RegionBucket } from './types';

/** The region filter value of 地区未识别 (the server's services/core/region-code.ts UNKNOWN_REGION). */
export const UNKNOWN_REGION = '00';

/** The node with this code, and the path of nodes leading to it. */
export function findRegion(tree: readonly RegionBucket[], code: string): RegionBucket[] | null {
  for (const node of tree) {
    if (node.value === code) return [node];
    if (code.startsWith(node.value)) {
      const below = findRegion(node.children, code);
      if (below) return [node, ...below];
    }
  }
  return null;
}

/**
 * The code of a trend key: a province name (`宁夏回族自治区`) or `province/city`
 * (`宁夏回族自治区/银川市`), as GET /api/trends?by=province|city returns them.
 */
export function regionCodeOfKey(tree: readonly RegionBucket[], key: string): string | null {
  const names = key.split('/');
  let level: readonly RegionBucket[] = tree;
  let found: RegionBucket | undefined;
  for (const name of names) {
    found = level.find((n) => n.label === name);
    if (!found) return null;
    level = found.children;
  }
  return found?.value ?? null;
}

/** The display name of a trend key: the last part of `province/city`. */
export const regionKeyLabel = (key: string): string => key.split('/').at(-1) ?? key;

/** Codes of nodes that should start expanded: the ancestors of selected nodes. */
export function expandedForSelection(tree: readonly RegionBucket[], selected: readonly string[]): Set<string> {
  const open = new Set<string>();
  for (const code of selected) for (const node of findRegion(tree, code)?.slice(0, -1) ?? []) open.add(node.value);
  return open;
}
