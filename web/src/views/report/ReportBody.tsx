// The report's sections in order: each with its anchor (#s<n>), heading and type, then
// its passages; a section without passages (a statistics table, say) shows its own text.
import { bodyOf, headingInFirstPassage, isMainHeading, type SectionBlock } from '../../state/reportLayout';
import type { ReportPassage } from '../../state/types';
import type { Vocabulary } from '../../state/useIndex';
import { PassageBlock } from './PassageBlock';
import { TextWithTables } from './TextWithTables';

export function ReportBody({ blocks, orphans, terms, target, vocab, title }: {
  blocks: SectionBlock[]; orphans: ReportPassage[]; terms: readonly string[]; target: number | null; vocab: Vocabulary; title: string | null;
}) {
  const passage = (p: ReportPassage) => (
    <PassageBlock key={p.ordinal} passage={p} terms={terms} targeted={p.ordinal === target} themeLabel={vocab.themeLabel} />
  );
  return (
    <>
      {blocks.map((b, i) => {
        const typeChanged = i === 0 || blocks[i - 1]!.type !== b.type;
        // The title repeated as the preamble's heading, or a heading the first passage opens with, is not shown twice.
        const showHeading = b.heading && b.heading !== title && !headingInFirstPassage(b);
        return (
          <section key={b.n} id={`s${b.n}`} className={`report-section type-${b.type}`} data-type={b.type}>
            {typeChanged && <p className="section-type">{vocab.sectionLabel(b.type)}</p>}
            {showHeading && (isMainHeading(b.heading!) ? <h2>{b.heading}</h2> : <h3>{b.heading}</h3>)}
            {b.passages.length
              ? b.passages.map(passage)
              : <div className="section-text"><TextWithTables text={bodyOf(b)} terms={terms} /></div>}
          </section>
        );
      })}
      {orphans.length > 0 && (
        <section className="report-section" id="orphans">
          <p className="section-type">其他段落</p>
          {orphans.map(passage)}
        </section>
      )}
    </>
  );
}
