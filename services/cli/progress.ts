// A progress bar for ingestion on a terminal (files, MB, passages/s); silent otherwise.
import cliProgress from 'cli-progress';
import { OUTSIDE_GIVEN, type IngestProgress, type IngestSummary } from '../ingest/ingest.js';
import { printable } from './printable.js';

export function progressBar(enabled = process.stderr.isTTY === true): { update: (p: IngestProgress) => void; stop: () => void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const started = performance.now();
  const bar = new cliProgress.SingleBar({
    format: '{bar} {value}/{total} files | {mb} MB | {rate} passages/s | {file}',
    stream: process.stderr, hideCursor: true, clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
  let begun = false;
  return {
    update: (p) => {
      const secs = (performance.now() - started) / 1000;
      const payload = { mb: (p.bytes / 1e6).toFixed(1), rate: Math.round(p.passages / Math.max(secs, 0.001)), file: printable(p.file.split('/').pop() ?? '') };
      if (!begun) { bar.start(p.total, 0, payload); begun = true; }
      bar.update(p.done, payload);
    },
    stop: () => { if (begun) bar.stop(); },
  };
}

export function formatSummary(s: IngestSummary): string {
  const secs = s.ms / 1000;
  const outside = s.failed.filter((f) => f.reason === OUTSIDE_GIVEN).length;
  const lines = [
    `indexed ${s.indexed}, replaced ${s.replaced}, skipped as unchanged ${s.unchanged}, failed ${s.failed.length - outside}` +
    (outside ? `, skipped ${outside} links leading outside the folders given` : '') + ' ' +
    `(${s.files} files, ${(s.bytes / 1e6).toFixed(2)} MB, ${s.passages} passages in ${secs.toFixed(1)} s` +
    (s.passages ? `, ${Math.round(s.passages / Math.max(secs, 0.001))} passages/s)` : ')'),
    ...s.failed.map((f) => `  ${f.reason === OUTSIDE_GIVEN ? 'skipped' : 'failed'}: ${printable(f.file)}: ${printable(f.reason)}`),
  ];
  return lines.join('\n');
}
