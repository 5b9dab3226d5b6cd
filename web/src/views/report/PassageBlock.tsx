// One passage in the reader: addressable as #p<ordinal>, highlighted when targeted,
// with its number (a link to itself) and 「复制引用」.
import type { ReportPassage } from '../../state/types';
import { CopyCitationButton } from '../common/CopyCitationButton';
import { TextWithTables } from './TextWithTables';

export function PassageBlock({ passage, terms, targeted, themeLabel }: {
  passage: ReportPassage; terms: readonly string[]; targeted: boolean; themeLabel: (id: string) => string;
}) {
  return (
    <div id={`p${passage.ordinal}`} className={`passage${targeted ? ' is-target' : ''}`} data-ordinal={passage.ordinal} tabIndex={-1}
      aria-label={`第${passage.ordinal}段`}>
      <a className="passage-number" href={`#p${passage.ordinal}`} title="本段链接">{passage.ordinal}</a>
      <div className="passage-body">
        <TextWithTables text={passage.text} terms={terms} />
        <div className="passage-tools">
          {passage.themes.map((t) => <span key={t} className="badge badge-theme">{themeLabel(t)}</span>)}
          <CopyCitationButton citation={passage.citation} compact />
        </div>
      </div>
    </div>
  );
}
