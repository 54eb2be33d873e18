// A labelled text field, the form control every page uses.
export function Field(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputMode?: "decimal" | "numeric";
  /** In rem, for a short figure. */
  width?: number;
  describedBy?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        inputMode={props.inputMode}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        style={props.width ? { width: `${props.width}rem` } : undefined}
        aria-describedby={props.describedBy}
      />
    </div>
  );
}
