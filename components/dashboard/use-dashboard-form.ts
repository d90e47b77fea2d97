"use client";

import { useActionState, useState, type FormEvent } from "react";
import type { z } from "zod";
import { CHECK_INPUT_MESSAGE, fieldErrorsOf, formInput, type DashboardFormState } from "@/lib/validations/dashboard-form";

type DashboardAction<Field extends string> = (state: DashboardFormState<Field>, formData: FormData) => Promise<DashboardFormState<Field>>;

/**
 * What every dashboard form leaf does. The <form action> is the server action, so it posts and
 * works without JavaScript (the page comes back with the result in place). With JavaScript the
 * fields are first checked with the shared zod schema, and a form with mistakes is not sent;
 * after a refusal the fields show the values the action handed back, so nothing typed is lost.
 */
export function useDashboardForm<Field extends string>(
  action: DashboardAction<Field>,
  { schema, fields }: { schema?: z.ZodType; fields: readonly Field[] },
) {
  const [state, formAction, pending] = useActionState(action, null);
  const [browserErrors, setBrowserErrors] = useState<Partial<Record<Field, string[]>> | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!schema) return;
    const form = event.currentTarget;
    const parsed = schema.safeParse(formInput(new FormData(form), fields));
    const errors = parsed.success ? {} : fieldErrorsOf(parsed.error, fields);
    if (Object.keys(errors).length === 0) {
      setBrowserErrors(null);
      return;
    }
    // React does not run the action of a submit whose default was prevented.
    event.preventDefault();
    setBrowserErrors(errors);
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  const failure = state?.ok === false ? state : null;
  const errors: Partial<Record<Field, string[]>> = browserErrors ?? failure?.fieldErrors ?? {};
  return {
    formAction,
    onSubmit,
    pending,
    /** The first message of each field in error. */
    error: (field: Field) => errors[field]?.[0],
    /** What to put back in a field after a refusal, or the fallback. */
    value: (field: Field, fallback = "") => failure?.values[field] ?? fallback,
    message: browserErrors ? CHECK_INPUT_MESSAGE : (state?.message ?? null),
    ok: !browserErrors && state?.ok === true,
  };
}
