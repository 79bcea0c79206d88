/**
 * A whole number typed as text (inputMode numeric, so nothing is rounded or refused by the
 * browser: the main process names a bad value in its own words), with a hint read out with it.
 */
export function NumberField({
  id,
  hintId,
  label,
  hint,
  value,
  onChange,
}: {
  id: string;
  hintId: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className="input-number"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        aria-describedby={hintId}
      />
      <p id={hintId} className="hint">
        {hint}
      </p>
    </div>
  );
}
