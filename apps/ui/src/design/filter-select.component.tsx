/** A filter of a list view: one choice or none (`allLabel`), the empty value meaning no filter. */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  allLabel,
  testId,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: ReadonlyArray<readonly [string, string]>;
  allLabel: string;
  testId?: string;
}) {
  return (
    <label className="field">
      {label}
      <select
        className="select"
        value={value ?? ''}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{allLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
