"use server";

import { submittedForm } from "@/lib/actions/submitted-form";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { endSession } from "@/lib/auth/session";

/**
 * 로그아웃 (components/auth/logout-button.tsx): expires the session cookie. Like every server
 * action it runs only for posts from this site (Next.js checks the Origin header), so it needs
 * no CSRF token and works without JavaScript: a plain form post is redirected to `callbackUrl`
 * (a path on this site, else the front page). With JavaScript the button posts `js=1` and
 * loads the page afresh itself, so every part of it (the header's account link too) sees the
 * reader logged out.
 */
export async function logoutAction(formData: FormData): Promise<void> {
  formData = submittedForm(formData);
  await endSession();
  if (formData.get("js") === "1") return;
  redirect(safeCallbackPath(formData.get("callbackUrl")));
}
