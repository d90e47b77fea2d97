import type { Role } from "./roles";
import type { SessionUser } from "./session-user";

/**
 * Who may do what to an article: the one matrix, used by the data layer (which refuses) and by
 * the dashboard (which hides what would be refused). Pure, so client components can import it.
 *
 * - reporter: writes articles; edits, publishes, schedules, unpublishes and deletes their own;
 *   sees their own stats.
 * - editor: all of that on anyone's article, plus restoring deleted articles, pinning notices
 *   and moderating comments.
 * - admin: everything an editor may, plus accounts and boards.
 */
export type Actor = SessionUser;

export type ArticleAction = "edit" | "publish" | "delete" | "restore" | "view-stats" | "set-notice";

/** Editors and admins act on anyone's article; reporters on their own. */
export function actsOnAnyArticle(role: Role): boolean {
  return role === "editor" || role === "admin";
}

export function canOnArticle(actor: Actor, action: ArticleAction, article: { authorId: number }): boolean {
  const own = article.authorId === actor.id;
  switch (action) {
    case "edit":
    case "publish":
    case "delete":
    case "view-stats":
      return own || actsOnAnyArticle(actor.role);
    case "restore":
    case "set-notice":
      return actsOnAnyArticle(actor.role);
  }
}

/** The Korean refusal for an action on someone else's article (or a reporter restoring). */
export const ARTICLE_FORBIDDEN_MESSAGE = "이 기사에 대한 권한이 없습니다.";
export const NOTICE_FORBIDDEN_MESSAGE = "공지는 편집자만 지정할 수 있습니다.";
