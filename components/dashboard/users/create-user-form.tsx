"use client";

import { useId } from "react";
import { createUserAction } from "@/lib/actions/admin-users";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import {
  ACCOUNT_PASSWORD_MIN,
  CREATE_USER_FIELDS,
  CreateUserSchema,
  DISPLAY_NAME_MAX,
  LOGIN_ID_RULE,
} from "@/lib/validations/admin-users";
import { PASSWORD_MAX } from "@/lib/validations/login";
import { Field, fieldAria, FormMessage, inputClass, SubmitButton } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";

/** 새 사용자: login id, name, role and a first password the admin hands over. */
export function CreateUserForm() {
  const id = useId();
  const form = useDashboardForm(createUserAction, { schema: CreateUserSchema, fields: CREATE_USER_FIELDS });
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} noValidate aria-label="새 사용자 만들기" className="grid gap-4 sm:grid-cols-2">
      <Field id={`${id}-login`} label="아이디" hint={LOGIN_ID_RULE} error={form.error("loginId")}>
        <input
          {...fieldAria(`${id}-login`, form.error("loginId"))}
          name="loginId"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={20}
          defaultValue={form.value("loginId")}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-name`} label="이름 (기사에 실리는 이름)" error={form.error("displayName")}>
        <input
          {...fieldAria(`${id}-name`, form.error("displayName"))}
          name="displayName"
          type="text"
          maxLength={DISPLAY_NAME_MAX}
          defaultValue={form.value("displayName")}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-role`} label="권한" error={form.error("role")}>
        <select {...fieldAria(`${id}-role`, form.error("role"))} name="role" defaultValue={form.value("role", "reporter")} className={inputClass}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-password`} label="처음 비밀번호" hint={`${ACCOUNT_PASSWORD_MIN}자 이상`} error={form.error("password")}>
        <input
          {...fieldAria(`${id}-password`, form.error("password"))}
          name="password"
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
          className={inputClass}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton pending={form.pending}>사용자 만들기</SubmitButton>
        <FormMessage message={form.message} ok={form.ok} />
      </div>
    </form>
  );
}
