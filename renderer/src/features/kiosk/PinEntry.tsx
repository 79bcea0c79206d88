import { useState } from 'react';
import { Field } from '../../components/Field';
import { useAction } from '../../lib/useAction';

/** Digits only, as the researcher's PIN is 4 to 8 digits. */
const digitsOnly = (typed: string) => typed.replace(/\D/g, '').slice(0, 8);

/** The researcher's PIN: hidden, digits only, never remembered by the browser. */
export function PinInput({
  id,
  label,
  value,
  onChange,
  describedBy,
  invalid = false,
  autoFocus,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={value}
        onChange={(e) => onChange(digitsOnly(e.target.value))}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        className="input-pin"
        autoFocus={autoFocus}
      />
    </Field>
  );
}

/**
 * A PIN typed for one action (start or end kiosk mode): busy and error as for any action, and the
 * field emptied afterwards, whether the PIN was right or not.
 */
export function usePinEntry(action: (pin: string) => Promise<void>) {
  const [pin, setPin] = useState('');
  const { busy, error, submit } = useAction();
  const send = submit(async () => {
    try {
      await action(pin);
    } finally {
      setPin('');
    }
  });
  return { pin, setPin, busy, error, submit: send };
}
