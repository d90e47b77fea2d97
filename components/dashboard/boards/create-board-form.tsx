"use client";

import { useId } from "react";
import { createBoardAction } from "@/lib/actions/admin-boards";
import { CREATE_BOARD_FIELDS, CreateBoardSchema, DEFAULT_BOARD_SETTINGS, SLUG_RULE } from "@/lib/validations/admin-boards";
import { FormMessage, SubmitButton, TextField } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";
import { BoardSettingsFields } from "./board-settings-fields";

/** 새 게시판: its address (fixed from then on) and settings; success opens the new board's page. */
export function CreateBoardForm() {
  const id = useId();
  const form = useDashboardForm(createBoardAction, { schema: CreateBoardSchema, fields: CREATE_BOARD_FIELDS });
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} noValidate aria-label="새 게시판 만들기" className="grid gap-4 sm:grid-cols-2">
      <TextField
        id={`${id}-slug`}
        label="주소"
        hint={`게시판 주소 /news 의 news 자리: ${SLUG_RULE}. 만든 뒤에는 바꿀 수 없습니다.`}
        error={form.error("slug")}
        name="slug"
        verbatim
        maxLength={40}
        defaultValue={form.value("slug")}
      />
      <BoardSettingsFields idPrefix={id} error={form.error} value={(field) => form.value(field, DEFAULT_BOARD_SETTINGS[field])} />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton pending={form.pending}>게시판 만들기</SubmitButton>
        <FormMessage message={form.message} ok={form.ok} />
      </div>
    </form>
  );
}
