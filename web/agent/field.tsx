/**
 * An input's label, hint and error, tied together for assistive technology:
 * the error is announced with the field (aria-invalid, aria-describedby) and
 * sits right under it.
 */
import type { ReactNode } from 'react';

export interface FieldProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  /** Renders the control with the attributes that tie it to its hint and error. */
  readonly children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
  readonly className?: string;
}

export function Field({ id, label, error, hint, children, className }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`} text={error} />}
    </div>
  );
}

export function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="field-error">
      {text}
    </p>
  );
}
