// 排除 beside a facet value: the value's passages are left out (not_region=00 in the URL),
// shown as a chip 排除：… that takes it back. A button beside the checkbox, never inside its
// label, so a click on it never ticks the value.
export function ExcludeButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="facet-exclude" aria-label={`排除「${label}」`} title={`排除「${label}」`} onClick={onClick}>
      排除
    </button>
  );
}
