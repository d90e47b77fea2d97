/**
 * Who may do what. Roles are stored as strings (User.role); this is the one list of them.
 * Pure: imported by server code and client components alike.
 */
export const ROLES = ["reporter", "editor", "admin"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Korean names of the roles, for the dashboard and the header. */
export const ROLE_LABELS: Record<Role, string> = {
  reporter: "기자",
  editor: "편집자",
  admin: "관리자",
};

/** Editors and admins moderate comments and restore deleted articles. */
export function canModerate(role: Role): boolean {
  return role === "editor" || role === "admin";
}

/** Admins manage accounts and site settings. */
export function canAdminister(role: Role): boolean {
  return role === "admin";
}
