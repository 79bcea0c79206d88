import { Field } from './Field';

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
    <Field id={id} label={label} hint={hint} hintId={hintId}>
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
    </Field>
  );
}
