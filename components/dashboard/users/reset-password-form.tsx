"use client";

import { useId } from "react";
import { resetPasswordAction } from "@/lib/actions/admin-users";
import { RESET_PASSWORD_FIELDS, ResetPasswordSchema } from "@/lib/validations/admin-users";
import { FormMessage, PasswordField, SubmitButton } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";

/**
 * 비밀번호 재설정: the admin types the new password and tells its owner. Folded in a <details>,
 * which comes back open with the answer (also without JavaScript).
 */
export function ResetPasswordForm({ userId, summary }: { userId: number; summary: string }) {
  const id = useId();
  const form = useDashboardForm(resetPasswordAction, { schema: ResetPasswordSchema, fields: RESET_PASSWORD_FIELDS });
  return (
    <details open={form.message ? true : undefined}>
      <summary className="cursor-pointer text-sm font-semibold text-gray-700 hover:text-brand-700">{summary}</summary>
      <form action={form.formAction} onSubmit={form.onSubmit} noValidate className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={userId} />
        <PasswordField id={`${id}-password`} label="새 비밀번호" error={form.error("password")} />
        <SubmitButton pending={form.pending} tone="plain">
          저장
        </SubmitButton>
        <div className="w-full">
          <FormMessage message={form.message} ok={form.ok} />
        </div>
      </form>
    </details>
  );
}
