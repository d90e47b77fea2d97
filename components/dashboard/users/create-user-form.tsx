"use client";

import { useId } from "react";
import { createUserAction } from "@/lib/actions/admin-users";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { CREATE_USER_FIELDS, CreateUserSchema, DISPLAY_NAME_MAX, LOGIN_ID_RULE } from "@/lib/validations/admin-users";
import { Field, fieldAria, FormMessage, inputClass, PasswordField, SubmitButton, TextField } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";

/** 새 사용자: login id, name, role and a first password the admin hands over. */
export function CreateUserForm() {
  const id = useId();
  const form = useDashboardForm(createUserAction, { schema: CreateUserSchema, fields: CREATE_USER_FIELDS });
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} noValidate aria-label="새 사용자 만들기" className="grid gap-4 sm:grid-cols-2">
      <TextField
        id={`${id}-login`}
        label="아이디"
        hint={LOGIN_ID_RULE}
        error={form.error("loginId")}
        name="loginId"
        autoComplete="off"
        verbatim
        maxLength={20}
        defaultValue={form.value("loginId")}
      />
      <TextField
        id={`${id}-name`}
        label="이름 (기사에 실리는 이름)"
        error={form.error("displayName")}
        name="displayName"
        maxLength={DISPLAY_NAME_MAX}
        defaultValue={form.value("displayName")}
      />
      <Field id={`${id}-role`} label="권한" error={form.error("role")}>
        <select {...fieldAria(`${id}-role`, form.error("role"))} name="role" defaultValue={form.value("role", "reporter")} className={inputClass}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </Field>
      <PasswordField id={`${id}-password`} label="처음 비밀번호" error={form.error("password")} />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton pending={form.pending}>사용자 만들기</SubmitButton>
        <FormMessage message={form.message} ok={form.ok} />
      </div>
    </form>
  );
}
