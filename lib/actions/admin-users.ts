"use server";

import { submittedForm } from "@/lib/actions/submitted-form";
import { revalidatePath } from "next/cache";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/data/admin-users";
import {
  CHANGE_ROLE_FIELDS,
  ChangeRoleSchema,
  CREATE_USER_FIELDS,
  CreateUserSchema,
  RESET_PASSWORD_FIELDS,
  ResetPasswordSchema,
  SET_DISABLED_FIELDS,
  SetUserDisabledSchema,
  type ChangeRoleField,
  type CreateUserField,
  type ResetPasswordField,
  type SetUserDisabledField,
} from "@/lib/validations/admin-users";
import { formInput, invalidForm, refusedForm, type DashboardFormState } from "@/lib/validations/dashboard-form";
import { SESSION_ENDED_MESSAGE, signedInStaff } from "./signed-in-staff";

/**
 * The 사용자 page's actions (admins only). Each parses its form with the shared schema, takes
 * the acting user from the session and leaves the admin check to lib/data/admin-users.ts,
 * which reads the account again. Passwords are never sent back to the form.
 */

const USERS_PATH = "/dashboard/admin/users";

export async function createUserAction(
  _previous: DashboardFormState<CreateUserField>,
  formData: FormData,
): Promise<DashboardFormState<CreateUserField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, CREATE_USER_FIELDS);
  const parsed = CreateUserSchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, CREATE_USER_FIELDS, ["password"]);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE }, ["password"]);
  const result = await createUser(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result, ["password"]);
  revalidatePath(USERS_PATH);
  return { ok: true, message: result.message };
}

export async function resetPasswordAction(
  _previous: DashboardFormState<ResetPasswordField>,
  formData: FormData,
): Promise<DashboardFormState<ResetPasswordField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, RESET_PASSWORD_FIELDS);
  const parsed = ResetPasswordSchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, ["password"], ["password"]);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE }, ["password"]);
  const result = await resetUserPassword(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result, ["password"]);
  revalidatePath(USERS_PATH);
  return { ok: true, message: result.message };
}

export async function changeRoleAction(
  _previous: DashboardFormState<ChangeRoleField>,
  formData: FormData,
): Promise<DashboardFormState<ChangeRoleField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, CHANGE_ROLE_FIELDS);
  const parsed = ChangeRoleSchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, ["role"]);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await changeUserRole(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result);
  if (result.changed) revalidatePath(USERS_PATH);
  return { ok: true, message: result.message };
}

export async function setUserDisabledAction(
  _previous: DashboardFormState<SetUserDisabledField>,
  formData: FormData,
): Promise<DashboardFormState<SetUserDisabledField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, SET_DISABLED_FIELDS);
  const parsed = SetUserDisabledSchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, []);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await setUserDisabled(actor, { userId: parsed.data.userId, disabled: parsed.data.operation === "disable" });
  if (!result.ok) return refusedForm(input, result);
  if (result.changed) revalidatePath(USERS_PATH);
  return { ok: true, message: result.message };
}
