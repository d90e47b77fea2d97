"use server";

import { submittedForm } from "@/lib/actions/submitted-form";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { revalidateBoard, revalidateSiteMenu } from "@/lib/cache-tags";
import {
  addCategory,
  createBoard,
  deleteCategory,
  moveCategory,
  renameCategory,
  updateBoardSettings,
  type BoardChange,
} from "@/lib/data/admin-boards";
import {
  ADD_CATEGORY_FIELDS,
  AddCategorySchema,
  BOARD_SETTING_FIELDS,
  CREATE_BOARD_FIELDS,
  CreateBoardSchema,
  DELETE_CATEGORY_FIELDS,
  DeleteCategorySchema,
  MOVE_CATEGORY_FIELDS,
  MoveCategorySchema,
  RENAME_CATEGORY_FIELDS,
  RenameCategorySchema,
  UPDATE_BOARD_FIELDS,
  UpdateBoardSchema,
  type AddCategoryField,
  type CreateBoardField,
  type DeleteCategoryField,
  type MoveCategoryField,
  type RenameCategoryField,
  type UpdateBoardField,
} from "@/lib/validations/admin-boards";
import { formInput, invalidForm, refusedForm, type DashboardFormState } from "@/lib/validations/dashboard-form";
import { SESSION_ENDED_MESSAGE, signedInStaff } from "./signed-in-staff";

/**
 * The 게시판 pages' actions (admins only). Each parses its form with the shared schema, takes
 * the acting user from the session and leaves the admin check to lib/data/admin-boards.ts,
 * which reads the account again. A change expires the board's cached pages, and the site's
 * header everywhere when the boards menu changed.
 */

const BOARDS_PATH = "/dashboard/admin/boards";

/** What readers and the admin pages see after a board change. */
function revalidateAfter(change: BoardChange) {
  if (!change.changed) return;
  revalidateBoard(change.slug);
  if (change.menuChanged) revalidateSiteMenu();
  revalidatePath(BOARDS_PATH);
  revalidatePath(`${BOARDS_PATH}/${change.slug}`);
}

export async function createBoardAction(
  _previous: DashboardFormState<CreateBoardField>,
  formData: FormData,
): Promise<DashboardFormState<CreateBoardField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, CREATE_BOARD_FIELDS);
  const parsed = CreateBoardSchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, CREATE_BOARD_FIELDS);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await createBoard(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result);
  revalidateAfter(result);
  // On to the new board's page, to add its categories.
  redirect(`${BOARDS_PATH}/${result.slug}`);
}

export async function updateBoardAction(
  _previous: DashboardFormState<UpdateBoardField>,
  formData: FormData,
): Promise<DashboardFormState<UpdateBoardField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, UPDATE_BOARD_FIELDS);
  const parsed = UpdateBoardSchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, BOARD_SETTING_FIELDS);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await updateBoardSettings(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result);
  revalidateAfter(result);
  return { ok: true, message: result.message };
}

export async function addCategoryAction(
  _previous: DashboardFormState<AddCategoryField>,
  formData: FormData,
): Promise<DashboardFormState<AddCategoryField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, ADD_CATEGORY_FIELDS);
  const parsed = AddCategorySchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, ["slug", "name"]);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await addCategory(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result);
  revalidateAfter(result);
  return { ok: true, message: result.message };
}

export async function renameCategoryAction(
  _previous: DashboardFormState<RenameCategoryField>,
  formData: FormData,
): Promise<DashboardFormState<RenameCategoryField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, RENAME_CATEGORY_FIELDS);
  const parsed = RenameCategorySchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, ["name"]);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await renameCategory(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result);
  revalidateAfter(result);
  return { ok: true, message: result.message };
}

export async function moveCategoryAction(
  _previous: DashboardFormState<MoveCategoryField>,
  formData: FormData,
): Promise<DashboardFormState<MoveCategoryField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, MOVE_CATEGORY_FIELDS);
  const parsed = MoveCategorySchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, []);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await moveCategory(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result);
  revalidateAfter(result);
  return { ok: true, message: result.message };
}

export async function deleteCategoryAction(
  _previous: DashboardFormState<DeleteCategoryField>,
  formData: FormData,
): Promise<DashboardFormState<DeleteCategoryField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, DELETE_CATEGORY_FIELDS);
  const parsed = DeleteCategorySchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, []);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await deleteCategory(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result);
  revalidateAfter(result);
  return { ok: true, message: result.message };
}
