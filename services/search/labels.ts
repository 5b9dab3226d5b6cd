// Chinese labels for theme ids, from the editable taxonomy.
import { THEMES } from '../pipeline/themes/index.js';

const byId = new Map<string, string>();
export function themeLabel(id: string): string {
  if (!byId.size) for (const t of THEMES) byId.set(t.id, t.label);
  return byId.get(id) ?? id;
}
