import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';

/**
 * A whole number typed as text (inputMode numeric, so nothing is rounded or refused by the
 * browser: the main process names a bad value in its own words). The other attributes go to the
 * input as given.
 */
export function NumberInput({ value, onValue, ...rest }: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & { value: string; onValue: (value: string) => void }) {
  return <input {...rest} type="text" inputMode="numeric" className="input-number" autoComplete="off" value={value} onChange={(e) => onValue(e.target.value)} />;
}

/** A labelled whole-number field with a hint read out with it. */
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
      <NumberInput id={id} value={value} onValue={onChange} aria-describedby={hintId} />
    </Field>
  );
}
