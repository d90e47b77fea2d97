"use client";

import { useId } from "react";
import { blockCommenterAction } from "@/lib/actions/moderation";
import {
  BLOCK_DURATION_LABELS,
  BLOCK_DURATIONS,
  BLOCK_FIELDS,
  BLOCK_REASON_MAX,
  BlockCommenterSchema,
} from "@/lib/validations/moderation";
import { Field, fieldAria, FormMessage, inputClass, SubmitButton } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";

/**
 * 작성자 차단: the writer of this guest comment may not comment for the chosen time. Folded in a
 * <details>, which opens without JavaScript too, and comes back open with the answer.
 */
export function BlockCommenterForm({ commentId }: { commentId: number }) {
  const id = useId();
  const form = useDashboardForm(blockCommenterAction, { schema: BlockCommenterSchema, fields: BLOCK_FIELDS });
  return (
    <details open={form.message ? true : undefined} className="text-sm">
      <summary className="cursor-pointer font-semibold text-gray-700 hover:text-notice">작성자 차단</summary>
      <form action={form.formAction} onSubmit={form.onSubmit} noValidate className="mt-2 grid gap-3 rounded border border-gray-200 bg-gray-50 p-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <input type="hidden" name="commentId" value={commentId} />
        <Field id={`${id}-reason`} label="사유 (선택)" error={form.error("reason")}>
          <input
            {...fieldAria(`${id}-reason`, form.error("reason"))}
            name="reason"
            type="text"
            maxLength={BLOCK_REASON_MAX}
            defaultValue={form.value("reason")}
            placeholder="편집자만 봅니다"
            className={inputClass}
          />
        </Field>
        <Field id={`${id}-duration`} label="기간" error={form.error("duration")}>
          <select {...fieldAria(`${id}-duration`, form.error("duration"))} name="duration" defaultValue={form.value("duration", "7d")} className={inputClass}>
            {BLOCK_DURATIONS.map((duration) => (
              <option key={duration} value={duration}>
                {BLOCK_DURATION_LABELS[duration]}
              </option>
            ))}
          </select>
        </Field>
        <SubmitButton pending={form.pending} tone="danger">
          차단
        </SubmitButton>
        <div className="sm:col-span-3">
          <FormMessage message={form.message} ok={form.ok} />
        </div>
      </form>
    </details>
  );
}
