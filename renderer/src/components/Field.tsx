import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A form field: its label, the control (`children`, which carries the id `id`), and when given a
 * hint under it (with the id `hintId`, for the control's aria-describedby) and then `after`.
 * `optional` says so after the label.
 */
export function Field({
  id,
  label,
  optional = false,
  hint,
  hintId,
  inline = false,
  after,
  children,
}: {
  id: string;
  label: ReactNode;
  optional?: boolean;
  hint?: ReactNode;
  hintId?: string;
  inline?: boolean;
  after?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && ' '}
        {optional && <span className="optional">{t('common.optional')}</span>}
      </label>
      {children}
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {after}
    </div>
  );
}

/** The options of a select, from value and label pairs. */
export function Options({ options }: { options: readonly { value: string; label: string }[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/**
 * Several of a list chosen: one checkbox per option, in a fieldset named by `legend`. A newly
 * ticked value comes last in the set given to `onChange`.
 */
export function CheckboxGroup({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: readonly { value: string; label: ReactNode }[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}) {
  const toggle = (value: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(value);
    else next.delete(value);
    onChange(next);
  };
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" checked={chosen.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** One choice out of a few, as labelled radio buttons in a fieldset (44 px rows, like CheckboxGroup). */
export function RadioGroup<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  disabled,
}: {
  legend: string;
  name: string;
  options: readonly { value: V; label: ReactNode }[];
  value: V;
  onChange: (value: V) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} disabled={disabled} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
