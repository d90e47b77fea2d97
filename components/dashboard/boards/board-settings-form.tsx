"use client";

import { useId } from "react";
import { updateBoardAction } from "@/lib/actions/admin-boards";
import { UPDATE_BOARD_FIELDS, UpdateBoardSchema, type BoardSettingField } from "@/lib/validations/admin-boards";
import { FormMessage, SubmitButton } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";
import { BoardSettingsFields } from "./board-settings-fields";

/** A board's settings as saved, the form's starting values. */
export type SavedBoardSettings = Record<BoardSettingField, string>;

/** 게시판 설정 of one board. */
export function BoardSettingsForm({ boardId, saved }: { boardId: number; saved: SavedBoardSettings }) {
  const id = useId();
  const form = useDashboardForm(updateBoardAction, { schema: UpdateBoardSchema, fields: UPDATE_BOARD_FIELDS });
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} noValidate aria-label="게시판 설정" className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="boardId" value={boardId} />
      <BoardSettingsFields idPrefix={id} error={form.error} value={(field) => form.value(field, saved[field])} />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton pending={form.pending}>설정 저장</SubmitButton>
        <FormMessage message={form.message} ok={form.ok} />
      </div>
    </form>
  );
}
