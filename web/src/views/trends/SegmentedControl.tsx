// A small group of mutually exclusive buttons (radio semantics), for chart choices.
import { useId } from 'react';

export function SegmentedControl<T extends string>({ label, value, options, onChange }: {
  label: string; value: T; options: Array<{ value: T; label: string }>; onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <div className="segmented" role="radiogroup" aria-labelledby={id}>
      <span id={id} className="segmented-label">{label}</span>
      {options.map((o) => (
        <button key={o.value} type="button" role="radio" aria-checked={o.value === value}
          className={o.value === value ? 'is-active' : ''} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
