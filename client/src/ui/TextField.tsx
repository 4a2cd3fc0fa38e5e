// A labelled one-line text field with a hint and, when there is one, an error
// announced to screen readers (the input points at both).
import { useId, type HTMLInputTypeAttribute } from "react";

export function TextField({
  label,
  hint,
  error,
  value,
  onChange,
  type = "text",
  name,
}: {
  label: string;
  hint: string;
  /** Already translated; undefined when there is no error. */
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  type?: HTMLInputTypeAttribute;
  name?: string;
}) {
  const ids = { input: useId(), hint: useId(), error: useId() };
  return (
    <>
      <label htmlFor={ids.input}>{label}</label>
      <input
        id={ids.input}
        name={name}
        type={type}
        autoCapitalize="none"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={error === undefined ? ids.hint : `${ids.hint} ${ids.error}`}
        aria-invalid={error === undefined ? undefined : true}
        value={value}
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
      />
      <p id={ids.hint} className="hint">
        {hint}
      </p>
      {error === undefined ? null : (
        <p id={ids.error} className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
