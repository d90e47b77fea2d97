"use client";

import { setUserDisabledAction } from "@/lib/actions/admin-users";
import { SET_DISABLED_FIELDS } from "@/lib/validations/admin-users";
import { FormMessage, SubmitButton } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";

/** 사용 중지 / 다시 사용 of one account. */
export function UserStatusForm({ userId, disabled }: { userId: number; disabled: boolean }) {
  const form = useDashboardForm(setUserDisabledAction, { fields: SET_DISABLED_FIELDS });
  return (
    <form action={form.formAction} className="flex flex-wrap items-center gap-1.5">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="operation" value={disabled ? "enable" : "disable"} />
      <SubmitButton pending={form.pending} tone={disabled ? "plain" : "danger"}>
        {disabled ? "다시 사용" : "사용 중지"}
      </SubmitButton>
      <FormMessage message={form.message} ok={form.ok} />
    </form>
  );
}
