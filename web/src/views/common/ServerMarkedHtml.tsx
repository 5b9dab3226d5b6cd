// The ONLY place that injects HTML: the server's `html` and `snippet` fields of a search
// hit, which the server builds by escaping the passage and adding nothing but <mark>.
// Every other piece of report text in the app is rendered as React text.
import type { Hit } from '../../state/types';

type ServerHtml = Hit['html'] | Hit['snippet'];

export function ServerMarkedHtml({ html, className }: { html: ServerHtml; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
