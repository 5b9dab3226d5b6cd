// The region facet: province → city → county → township, each node with its count,
// expandable, multi-select. Ancestors of selected regions start open.
import { useId, useState } from 'react';
import type { RegionBucket } from '../../state/types';
import { expandedForSelection } from '../../state/regions';
import { ExcludeButton } from './ExcludeButton';

interface TreeProps {
  nodes: RegionBucket[];
  countOf: (b: RegionBucket) => number;
  /** From the URL, so a click shows at once. */
  isSelected: (code: string) => boolean;
  onToggle: (code: string) => void;
  /** 排除: leaves the region's passages out (地区未识别 too: 00). */
  onExclude: (code: string) => void;
}

export function RegionTree({ tree, countOf, isSelected, onToggle, onExclude }: { tree: RegionBucket[] } & Omit<TreeProps, 'nodes'>) {
  const headingId = useId();
  if (!tree.length) return null;
  return (
    <section className="facet" aria-labelledby={headingId} data-facet="region">
      <h3 id={headingId} className="facet-title">地区</h3>
      {/* The answer lists townships only under a county the filters name (services/search/methods/search.ts). */}
      <p className="facet-hint">勾选县区后列出其乡镇街道</p>
      <RegionNodes nodes={tree} countOf={countOf} isSelected={isSelected} onToggle={onToggle} onExclude={onExclude} initiallyOpen={expandedForSelection(tree, selectedCodes(tree))} />
    </section>
  );
}

function selectedCodes(nodes: RegionBucket[]): string[] {
  return nodes.flatMap((n) => [...(n.selected ? [n.value] : []), ...selectedCodes(n.children)]);
}

function RegionNodes({ nodes, countOf, isSelected, onToggle, onExclude, initiallyOpen }: TreeProps & { initiallyOpen: Set<string> }) {
  return (
    <ul className="region-tree">
      {nodes.map((n) => (
        <RegionNode key={n.value} node={n} countOf={countOf} isSelected={isSelected} onToggle={onToggle} onExclude={onExclude} initiallyOpen={initiallyOpen} lone={nodes.length === 1} />
      ))}
    </ul>
  );
}

function RegionNode({ node, countOf, isSelected, onToggle, onExclude, initiallyOpen, lone }: { node: RegionBucket; lone: boolean } & Omit<TreeProps, 'nodes'> & { initiallyOpen: Set<string> }) {
  // A lone province opens by itself: one click fewer to reach its cities.
  const [open, setOpen] = useState(initiallyOpen.has(node.value) || (lone && node.level === 'province'));
  const hasChildren = node.children.length > 0;
  return (
    <li className={`region-node level-${node.level}`}>
      <div className="region-row">
        {hasChildren ? (
          <button type="button" className="tree-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}
            aria-label={`${open ? '收起' : '展开'}${node.label}`}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : <span className="tree-toggle-spacer" aria-hidden="true" />}
        <label className={`facet-option${isSelected(node.value) ? ' is-selected' : ''}`}>
          <input type="checkbox" checked={isSelected(node.value)} onChange={() => onToggle(node.value)} value={node.value} />
          <span className="facet-label">{node.label}</span>
          <span className="facet-count">{countOf(node).toLocaleString('zh-CN')}</span>
        </label>
        <ExcludeButton label={node.label} onClick={() => onExclude(node.value)} />
      </div>
      {hasChildren && open && <RegionNodes nodes={node.children} countOf={countOf} isSelected={isSelected} onToggle={onToggle} onExclude={onExclude} initiallyOpen={initiallyOpen} />}
    </li>
  );
}
