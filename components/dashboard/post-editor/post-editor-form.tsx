"use client";

import { useActionState, useCallback, useEffect, useId, useRef, useState } from "react";
import { RichTextEditor } from "@/components/dashboard/editor/rich-text-editor";
import { LeadImageField } from "@/components/dashboard/lead-image-field";
import type { UploadedImage } from "@/lib/actions/media";
import { autosavePostAction, savePostAction, type PostFormState } from "@/lib/actions/posts";
import { POST_SUBTITLE_MAX, POST_TITLE_MAX, type PostFieldName } from "@/lib/validations/post";
import { useUnsavedChangesWarning } from "./use-unsaved-changes-warning";

/**
 * The article form: board and category, title, subtitle, the body editor, lead image, tags,
 * the notice flag, and the publishing buttons (save, publish now, schedule).
 *
 * Autosave: every few seconds, when what the form would send differs from what was last saved,
 * it is sent to autosavePostAction (a new article becomes a draft then, and the address turns
 * into its edit page). Leaving with changes not yet saved asks first. The form keeps what was
 * typed when the server refuses it: the fields are the browser's own, the server's answer
 * only adds messages.
 */
export type PostEditorInitial = {
  id: number | null;
  title: string;
  subtitle: string;
  bodyHtml: string;
  boardSlug: string;
  categoryId: number | null;
  leadImage: UploadedImage | null;
  tags: string[];
  isNotice: boolean;
  status: "draft" | "scheduled" | "published" | "deleted";
  /** Korean-time datetime-local value of the scheduled time, or "". */
  publishAt: string;
  pendingAutosave: { title: string; subtitle: string; bodyHtml: string; savedAt: string } | null;
};

type Props = {
  boards: { slug: string; title: string; categories: { id: number; name: string }[] }[];
  initial: PostEditorInitial;
  canSetNotice: boolean;
};

const AUTOSAVE_EVERY_MS = 5_000;
const initialState: PostFormState = { ok: true, message: null, fieldErrors: {} };

/** What the form would send, as one string: compared to know whether anything changed. */
function snapshotOf(form: HTMLFormElement): string {
  const entries: string[] = [];
  new FormData(form).forEach((value, name) => {
    if (name === "postId" || name.startsWith("$ACTION")) return;
    if (typeof value === "string") entries.push(`${name}=${value}`);
  });
  return entries.join("\u0000");
}

const timeOfDay = (iso: string) => new Date(iso).toLocaleTimeString("ko-KR", { timeZone: "Asia/Seoul", hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function PostEditorForm({ boards, initial, canSetNotice }: Props) {
  const [state, formAction, pending] = useActionState(savePostAction, initialState);
  const formRef = useRef<HTMLFormElement>(null);
  const postIdInput = useRef<HTMLInputElement>(null);
  const [postId, setPostId] = useState<number | null>(initial.id);
  const [boardSlug, setBoardSlug] = useState(initial.boardSlug || boards[0]?.slug || "");
  const [bodyHtml, setBodyHtml] = useState(initial.bodyHtml);
  const [text, setText] = useState({ title: initial.title, subtitle: initial.subtitle });
  // Remounts the editor with other content (loading an autosave).
  const [editorVersion, setEditorVersion] = useState(0);
  const [pendingAutosave, setPendingAutosave] = useState(initial.pendingAutosave);
  const [autosave, setAutosave] = useState<{ status: "idle" | "saving" | "saved" | "failed"; message: string }>({ status: "idle", message: "" });
  const savedSnapshot = useRef<string | null>(null);
  const submitting = useRef(false);
  const autosaving = useRef<Promise<number | null> | null>(null);

  const ids = {
    title: useId(),
    subtitle: useId(),
    board: useId(),
    category: useId(),
    body: useId(),
    tags: useId(),
    publishAt: useId(),
  };
  const errors = state.fieldErrors;
  const errorId = (field: PostFieldName) => (errors[field]?.length ? `${field}-error` : undefined);

  // The form as first rendered counts as saved.
  useEffect(() => {
    if (formRef.current && savedSnapshot.current === null) savedSnapshot.current = snapshotOf(formRef.current);
  }, []);

  const isDirty = useCallback(() => {
    if (submitting.current || !formRef.current || savedSnapshot.current === null) return false;
    return snapshotOf(formRef.current) !== savedSnapshot.current;
  }, []);
  useUnsavedChangesWarning(isDirty);

  /** Sends the form to autosave when it changed; resolves with the article's id. */
  const runAutosave = useCallback(async (): Promise<number | null> => {
    const form = formRef.current;
    if (!form || submitting.current) return postId;
    if (autosaving.current) return autosaving.current;
    const snapshot = snapshotOf(form);
    if (snapshot === savedSnapshot.current) return postId;
    const data = new FormData(form);
    const attempt = (async () => {
      setAutosave({ status: "saving", message: "자동 저장 중…" });
      try {
        const result = await autosavePostAction(data);
        if (!result.ok) {
          setAutosave({ status: "failed", message: result.message });
          return postId;
        }
        savedSnapshot.current = snapshot;
        if (result.postId !== null && result.postId !== postId) {
          // Into the form at once (the next submit may come before React renders again).
          if (postIdInput.current) postIdInput.current.value = String(result.postId);
          setPostId(result.postId);
          window.history.replaceState(null, "", `/dashboard/posts/${result.postId}/edit`);
        }
        setAutosave(result.savedAt ? { status: "saved", message: `${timeOfDay(result.savedAt)} 자동 저장됨` } : { status: "idle", message: "" });
        return result.postId ?? postId;
      } catch {
        setAutosave({ status: "failed", message: "자동 저장하지 못했습니다. 연결을 확인해 주세요." });
        return postId;
      } finally {
        autosaving.current = null;
      }
    })();
    autosaving.current = attempt;
    return attempt;
  }, [postId]);

  useEffect(() => {
    if (initial.status === "deleted") return;
    const timer = window.setInterval(() => void runAutosave(), AUTOSAVE_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [runAutosave, initial.status]);

  // The hidden postId input must carry a new article's id before the next submit.
  useEffect(() => {
    if (!pending) submitting.current = false;
  }, [pending]);

  async function openPreview() {
    // Opened at once (a window opened after an await is blocked as a pop-up), then pointed at
    // the preview when the latest text is saved.
    const preview = window.open("about:blank", "_blank");
    const id = await runAutosave();
    if (id === null) {
      preview?.close();
      setAutosave({ status: "failed", message: "미리보기 전에 제목이나 본문을 입력해 주세요." });
      return;
    }
    const url = `/dashboard/posts/${id}/preview`;
    if (preview) preview.location.href = url;
    else window.location.href = url;
  }

  function loadAutosave() {
    if (!pendingAutosave) return;
    setText({ title: pendingAutosave.title, subtitle: pendingAutosave.subtitle });
    setBodyHtml(pendingAutosave.bodyHtml);
    setEditorVersion((version) => version + 1);
    setPendingAutosave(null);
  }

  const board = boards.find((candidate) => candidate.slug === boardSlug);
  const isPublic = initial.status === "published";
  const isScheduled = initial.status === "scheduled";

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(event) => {
        // An autosave still on its way may be creating this very article: submit once it has
        // answered, with its id, so the article is not created twice.
        if (autosaving.current) {
          event.preventDefault();
          const submitter = (event.nativeEvent as SubmitEvent).submitter;
          void autosaving.current.then(() => formRef.current?.requestSubmit(submitter));
          return;
        }
        submitting.current = true;
      }}
      className="grid gap-6 lg:grid-cols-[1fr_18rem]"
      aria-describedby={state.message ? "post-form-message" : undefined}
    >
      <input ref={postIdInput} type="hidden" name="postId" value={postId ?? ""} />
      <input type="hidden" name="bodyHtml" value={bodyHtml} />

      <div className="min-w-0 space-y-5">
        {state.message && !state.ok && (
          <p id="post-form-message" role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.message}
          </p>
        )}
        {pendingAutosave && (
          <div role="status" className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <span>{timeOfDay(pendingAutosave.savedAt)}에 자동 저장된, 아직 게시하지 않은 수정본이 있습니다.</span>
            <button type="button" onClick={loadAutosave} className="rounded border border-amber-400 bg-white px-2 py-1 font-semibold hover:bg-amber-100">
              수정본 불러오기
            </button>
            <button type="button" onClick={() => setPendingAutosave(null)} className="underline">
              무시
            </button>
          </div>
        )}

        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="게시판" htmlFor={ids.board} error={errors.boardSlug} errorKey="boardSlug">
            <select
              id={ids.board}
              name="boardSlug"
              value={boardSlug}
              onChange={(event) => setBoardSlug(event.target.value)}
              className="input"
              aria-invalid={errors.boardSlug ? true : undefined}
              aria-describedby={errorId("boardSlug")}
            >
              {boards.map((option) => (
                <option key={option.slug} value={option.slug}>
                  {option.title}
                </option>
              ))}
            </select>
          </Field>
          <Field label="분류" htmlFor={ids.category} error={errors.categoryId} errorKey="categoryId">
            <select
              key={boardSlug}
              id={ids.category}
              name="categoryId"
              defaultValue={boardSlug === initial.boardSlug && initial.categoryId !== null ? String(initial.categoryId) : ""}
              className="input"
              aria-invalid={errors.categoryId ? true : undefined}
              aria-describedby={errorId("categoryId")}
            >
              <option value="">분류 없음</option>
              {board?.categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          </Field>
        </div>

        <Field label="제목" htmlFor={ids.title} error={errors.title} errorKey="title">
          <input
            id={ids.title}
            name="title"
            value={text.title}
            onChange={(event) => setText((current) => ({ ...current, title: event.target.value }))}
            maxLength={POST_TITLE_MAX}
            required
            autoComplete="off"
            className="input text-lg font-semibold"
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errorId("title")}
          />
        </Field>
        <Field label="부제목" htmlFor={ids.subtitle} error={errors.subtitle} errorKey="subtitle" hint="선택">
          <input
            id={ids.subtitle}
            name="subtitle"
            value={text.subtitle}
            onChange={(event) => setText((current) => ({ ...current, subtitle: event.target.value }))}
            maxLength={POST_SUBTITLE_MAX}
            autoComplete="off"
            className="input"
            aria-invalid={errors.subtitle ? true : undefined}
            aria-describedby={errorId("subtitle")}
          />
        </Field>

        <div>
          <p id={ids.body} className="mb-1 text-sm font-semibold text-gray-800">
            본문
          </p>
          <RichTextEditor key={editorVersion} labelId={ids.body} initialHtml={bodyHtml} onChange={setBodyHtml} errorId={errorId("bodyHtml")} />
          <FieldError id="bodyHtml-error" messages={errors.bodyHtml} />
        </div>
      </div>

      <aside className="space-y-5" aria-label="게시 설정">
        <section className="rounded border border-gray-200 bg-white p-4">
          <h2 className="text-sm font-bold text-gray-900">게시</h2>
          <p className="mt-1 text-sm text-gray-600" aria-live="polite">
            {autosave.status === "failed" ? <span className="text-red-700">{autosave.message}</span> : autosave.message || " "}
          </p>
          <div className="mt-3 grid gap-2">
            <button type="submit" name="intent" value="save" disabled={pending} className="btn-secondary">
              {isPublic ? "수정 내용 저장 (바로 반영)" : isScheduled ? "저장 (예약 유지)" : "임시 저장"}
            </button>
            <button type="button" onClick={() => void openPreview()} className="btn-secondary">
              미리보기
            </button>
            <button type="submit" name="intent" value="publish" disabled={pending} className="btn-primary">
              {isPublic ? "저장하고 게시 유지" : "지금 발행"}
            </button>
          </div>
          <div className="mt-4 border-t border-gray-200 pt-3">
            <label htmlFor={ids.publishAt} className="block text-sm font-semibold text-gray-800">
              예약 발행 시각 <span className="font-normal text-gray-500">(한국 시각)</span>
            </label>
            <input
              id={ids.publishAt}
              type="datetime-local"
              name="publishAt"
              defaultValue={initial.publishAt}
              className="input mt-1"
              aria-invalid={errors.publishAt ? true : undefined}
              aria-describedby={errorId("publishAt")}
            />
            <FieldError id="publishAt-error" messages={errors.publishAt} />
            <button type="submit" name="intent" value="schedule" disabled={pending} className="btn-secondary mt-2 w-full">
              {isScheduled ? "예약 시각 바꾸기" : "예약 발행"}
            </button>
          </div>
          {pending && (
            <p role="status" className="mt-2 text-sm text-gray-600">
              저장 중…
            </p>
          )}
        </section>

        <section className="space-y-4 rounded border border-gray-200 bg-white p-4">
          <LeadImageField initial={initial.leadImage} />
          <FieldError id="leadImageId-error" messages={errors.leadImageId} />
          <Field label="태그" htmlFor={ids.tags} error={errors.tags} errorKey="tags" hint="쉼표로 구분, 10개까지">
            <input
              id={ids.tags}
              name="tags"
              defaultValue={initial.tags.join(", ")}
              autoComplete="off"
              className="input"
              aria-invalid={errors.tags ? true : undefined}
              aria-describedby={errorId("tags")}
            />
          </Field>
          {canSetNotice ? (
            <label className="flex items-center gap-2 text-sm font-semibold text-gray-800">
              <input type="checkbox" name="isNotice" defaultChecked={initial.isNotice} className="size-4" />
              공지로 고정
            </label>
          ) : (
            initial.isNotice && <input type="hidden" name="isNotice" value="on" />
          )}
          <FieldError id="isNotice-error" messages={errors.isNotice} />
        </section>
      </aside>
    </form>
  );
}

function Field({
  label,
  htmlFor,
  error,
  errorKey,
  hint,
  children,
}: {
  label: string;
  htmlFor: string;
  error?: string[];
  errorKey: PostFieldName;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={htmlFor} className="mb-1 block text-sm font-semibold text-gray-800">
        {label} {hint && <span className="font-normal text-gray-500">({hint})</span>}
      </label>
      {children}
      <FieldError id={`${errorKey}-error`} messages={error} />
    </div>
  );
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {messages[0]}
    </p>
  );
}
