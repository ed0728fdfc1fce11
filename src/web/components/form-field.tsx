// A labelled form control with its hint and its own error message underneath, linked for screen readers.
import type { ReactNode } from 'react';

export type FormFieldProps = {
  /** The control's id; the hint and the error get ids derived from it. */
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
};

/**
 * The attributes a control needs to point at its hint and error. `flagged` marks it invalid without a
 * message of its own: the server's refusal, shown once above the buttons, named this field.
 */
export function describedBy(
  id: string,
  options: { error?: string; hint?: boolean; flagged?: boolean },
): { 'aria-describedby'?: string; 'aria-invalid': boolean } {
  const ids = [options.hint && !options.error ? `${id}-hint` : '', options.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return { ...(ids ? { 'aria-describedby': ids } : {}), 'aria-invalid': Boolean(options.error || options.flagged) };
}

export function FormField({ id, label, hint, error, children }: FormFieldProps) {
  return (
    <div className={error ? 'form-field form-field--invalid' : 'form-field'}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && !error && (
        <span id={`${id}-hint`} className="form-field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="form-field__error" data-testid={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
