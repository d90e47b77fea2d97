"use client";

import { unblockCommenterAction } from "@/lib/actions/moderation";
import { UNBLOCK_FIELDS } from "@/lib/validations/moderation";
import { FormMessage, SubmitButton } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";

/** 차단 해제 of one block. */
export function UnblockCommenterForm({ blockId }: { blockId: number }) {
  const form = useDashboardForm(unblockCommenterAction, { fields: UNBLOCK_FIELDS });
  return (
    <form action={form.formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="blockId" value={blockId} />
      <SubmitButton pending={form.pending} tone="plain">
        차단 해제
      </SubmitButton>
      <FormMessage message={form.message} ok={form.ok} />
    </form>
  );
}
