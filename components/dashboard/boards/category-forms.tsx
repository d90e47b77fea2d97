"use client";

import { useId } from "react";
import { addCategoryAction, deleteCategoryAction, moveCategoryAction, renameCategoryAction } from "@/lib/actions/admin-boards";
import {
  ADD_CATEGORY_FIELDS,
  AddCategorySchema,
  BOARD_LIMITS,
  DELETE_CATEGORY_FIELDS,
  MOVE_CATEGORY_FIELDS,
  RENAME_CATEGORY_FIELDS,
  RenameCategorySchema,
  SLUG_RULE,
} from "@/lib/validations/admin-boards";
import { fieldAria, FormMessage, SubmitButton, TextField } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";

/** The forms of a board's categories (분류): add one, and rename, move or delete each. */

export function AddCategoryForm({ boardId }: { boardId: number }) {
  const id = useId();
  const form = useDashboardForm(addCategoryAction, { schema: AddCategorySchema, fields: ADD_CATEGORY_FIELDS });
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} noValidate aria-label="분류 더하기" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      <input type="hidden" name="boardId" value={boardId} />
      <TextField id={`${id}-name`} label="분류 이름" error={form.error("name")} name="name" maxLength={BOARD_LIMITS.categoryName} defaultValue={form.value("name")} />
      <TextField
        id={`${id}-slug`}
        label="분류 주소"
        hint={`?category= 뒤에 붙습니다. ${SLUG_RULE}`}
        error={form.error("slug")}
        name="slug"
        verbatim
        maxLength={40}
        defaultValue={form.value("slug")}
      />
      <div className="sm:pt-6">
        <SubmitButton pending={form.pending}>더하기</SubmitButton>
      </div>
      <div className="sm:col-span-3">
        <FormMessage message={form.message} ok={form.ok} />
      </div>
    </form>
  );
}

export function RenameCategoryForm({ categoryId, name }: { categoryId: number; name: string }) {
  const id = useId();
  const form = useDashboardForm(renameCategoryAction, { schema: RenameCategorySchema, fields: RENAME_CATEGORY_FIELDS });
  const error = form.error("name");
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-center gap-1.5">
      <input type="hidden" name="categoryId" value={categoryId} />
      <label htmlFor={`${id}-name`} className="sr-only">
        {name} 분류의 새 이름
      </label>
      <input
        {...fieldAria(`${id}-name`, error)}
        key={name}
        name="name"
        type="text"
        maxLength={BOARD_LIMITS.categoryName}
        defaultValue={form.value("name", name)}
        className="w-36 rounded border border-gray-300 px-2 py-1 text-sm aria-[invalid=true]:border-notice"
      />
      <SubmitButton pending={form.pending} tone="plain">
        이름 바꾸기
      </SubmitButton>
      {error ? (
        <p id={`${id}-name-error`} role="alert" className="w-full text-sm text-notice">
          {error}
        </p>
      ) : (
        <FormMessage message={form.message} ok={form.ok} />
      )}
    </form>
  );
}

export function MoveCategoryForm({ categoryId, name, isFirst, isLast }: { categoryId: number; name: string; isFirst: boolean; isLast: boolean }) {
  const form = useDashboardForm(moveCategoryAction, { fields: MOVE_CATEGORY_FIELDS });
  return (
    <form action={form.formAction} className="flex items-center gap-1" aria-label={`${name} 분류 순서`}>
      <input type="hidden" name="categoryId" value={categoryId} />
      {!isFirst && (
        <SubmitButton pending={form.pending} tone="plain" name="direction" value="up">
          <span aria-hidden="true">↑</span> 앞으로
        </SubmitButton>
      )}
      {!isLast && (
        <SubmitButton pending={form.pending} tone="plain" name="direction" value="down">
          <span aria-hidden="true">↓</span> 뒤로
        </SubmitButton>
      )}
      {form.ok === false && <FormMessage message={form.message} ok={false} />}
    </form>
  );
}

export function DeleteCategoryForm({ categoryId, name, postCount }: { categoryId: number; name: string; postCount: number }) {
  const form = useDashboardForm(deleteCategoryAction, { fields: DELETE_CATEGORY_FIELDS });
  // Folded in a <details> (지우기…): a second press confirms, with or without JavaScript.
  return (
    <details open={form.message ? true : undefined} className="text-sm">
      <summary className="cursor-pointer py-1 font-semibold text-notice">지우기…</summary>
      <form action={form.formAction} className="flex flex-wrap items-center gap-1.5" aria-label={`${name} 분류 지우기`}>
        <input type="hidden" name="categoryId" value={categoryId} />
        <span className="text-sm text-gray-700">
          {postCount > 0 ? `이 분류의 글 ${postCount}개는 분류 없음이 됩니다.` : "이 분류에는 글이 없습니다."}
        </span>
        <SubmitButton pending={form.pending} tone="danger">
          정말 지우기
        </SubmitButton>
        <FormMessage message={form.message} ok={form.ok} />
      </form>
    </details>
  );
}
