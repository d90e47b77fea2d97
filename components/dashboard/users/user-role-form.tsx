"use client";

import { useId } from "react";
import { changeRoleAction } from "@/lib/actions/admin-users";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { CHANGE_ROLE_FIELDS, ChangeRoleSchema } from "@/lib/validations/admin-users";
import { fieldAria, FormMessage, SubmitButton } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";

/** 권한 변경 of one account. */
export function UserRoleForm({ userId, role, userName }: { userId: number; role: Role; userName: string }) {
  const id = useId();
  const form = useDashboardForm(changeRoleAction, { schema: ChangeRoleSchema, fields: CHANGE_ROLE_FIELDS });
  const error = form.error("role");
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-center gap-1.5">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`${id}-role`} className="sr-only">
        {userName}의 권한
      </label>
      <select
        {...fieldAria(`${id}-role`, error)}
        name="role"
        // The saved role after a change (the page is drawn again); what was picked after a refusal.
        key={role}
        defaultValue={form.value("role", role)}
        className="rounded border border-gray-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-notice"
      >
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {ROLE_LABELS[value]}
          </option>
        ))}
      </select>
      <SubmitButton pending={form.pending} tone="plain">
        변경
      </SubmitButton>
      {error ? (
        <p id={`${id}-role-error`} role="alert" className="w-full text-sm text-notice">
          {error}
        </p>
      ) : (
        <FormMessage message={form.message} ok={form.ok} />
      )}
    </form>
  );
}
