import type { ReactNode } from "react";
import { ACCOUNT_PASSWORD_MIN } from "@/lib/validations/admin-users";
import { PASSWORD_MAX } from "@/lib/validations/login";

/**
 * The dashboard forms' small parts: a labelled field with its error (and the text and password
 * fields made of it), the form's message and the submit button. Plain components: the client
 * form leaves and server-rendered forms share them.
 */

export const inputClass =
  "mt-1 block w-full rounded border border-gray-300 bg-white px-2.5 py-1.5 text-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-notice";

/** The attributes that tie a field to its error message. */
export function fieldAria(id: string, error: string | undefined) {
  return { id, "aria-invalid": error ? (true as const) : undefined, "aria-describedby": error ? `${id}-error` : undefined };
}

type FieldProps = { id: string; label: string; hint?: string; error?: string };

export function Field({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-gray-800">
        {label}
      </label>
      {children}
      {hint && !error && <p className="mt-1 text-xs text-gray-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-notice">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A one-line text field. `verbatim` is for words typed exactly as they are (addresses, login
 * ids): the phone keyboard does not capitalise them and the browser does not spell-check them.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  name,
  defaultValue,
  maxLength,
  autoComplete,
  verbatim = false,
}: FieldProps & { name: string; defaultValue: string; maxLength: number; autoComplete?: string; verbatim?: boolean }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        {...fieldAria(id, error)}
        name={name}
        type="text"
        autoComplete={autoComplete}
        autoCapitalize={verbatim ? "none" : undefined}
        spellCheck={verbatim ? false : undefined}
        maxLength={maxLength}
        defaultValue={defaultValue}
        className={inputClass}
      />
    </Field>
  );
}

/** A new account password, typed by an admin (a new user's first one, or a reset): never put back after a refusal. */
export function PasswordField({ id, label, error }: Omit<FieldProps, "hint">) {
  return (
    <Field id={id} label={label} hint={`${ACCOUNT_PASSWORD_MIN}자 이상`} error={error}>
      <input {...fieldAria(id, error)} name="password" type="password" autoComplete="new-password" maxLength={PASSWORD_MAX} className={inputClass} />
    </Field>
  );
}

/** The outcome of the last submission: a success note, or an alert. */
export function FormMessage({ message, ok }: { message: string | null; ok: boolean }) {
  if (!message) return null;
  return ok ? (
    <p role="status" className="text-sm font-semibold text-green-800">
      {message}
    </p>
  ) : (
    <p role="alert" className="text-sm font-semibold text-notice">
      {message}
    </p>
  );
}

const buttonTones = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  plain: "border border-gray-300 bg-white text-gray-800 hover:bg-gray-100",
  danger: "border border-orange-300 bg-white text-notice hover:bg-orange-50",
} as const;

export function SubmitButton({
  pending = false,
  tone = "primary",
  name,
  value,
  children,
}: {
  pending?: boolean;
  tone?: keyof typeof buttonTones;
  name?: string;
  value?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending || undefined}
      className={`rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-60 ${buttonTones[tone]}`}
    >
      {children}
    </button>
  );
}
