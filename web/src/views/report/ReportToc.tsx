// Table of contents: sections grouped by their type (several headings may share one).
import type { SectionBlock } from '../../state/reportLayout';

interface Group { type: string; blocks: SectionBlock[] }

function groupsOf(blocks: SectionBlock[]): Group[] {
  const groups: Group[] = [];
  for (const b of blocks) {
    const last = groups.at(-1);
    if (last && last.type === b.type) last.blocks.push(b);
    else groups.push({ type: b.type, blocks: [b] });
  }
  return groups;
}

export function ReportToc({ blocks, sectionLabel, activeSection }: {
  blocks: SectionBlock[]; sectionLabel: (t: string) => string; activeSection: number | null;
}) {
  return (
    <nav className="report-toc" aria-label="目录">
      <details open>
        <summary>目录</summary>
        <ol>
          {groupsOf(blocks).map((g) => (
            <li key={g.blocks[0]!.n} className={`toc-group type-${g.type}`}>
              <a href={`#s${g.blocks[0]!.n}`} className="toc-type">{sectionLabel(g.type)}</a>
              {g.blocks.some((b) => b.heading) && (
                <ol>
                  {g.blocks.filter((b) => b.heading).map((b) => (
                    <li key={b.n}>
                      <a href={`#s${b.n}`} className={b.n === activeSection ? 'is-active' : undefined} title={b.heading ?? undefined}>{b.heading}</a>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
