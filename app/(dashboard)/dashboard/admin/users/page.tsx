import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminCollectionPage, AdminTable } from "@/components/dashboard/admin-collection-page";
import { CreateUserForm } from "@/components/dashboard/users/create-user-form";
import { ResetPasswordForm } from "@/components/dashboard/users/reset-password-form";
import { UserRoleForm } from "@/components/dashboard/users/user-role-form";
import { UserStatusForm } from "@/components/dashboard/users/user-status-form";
import { requireAdmin } from "@/lib/auth/require-user";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listUsersForAdmin, type AdminUserRow } from "@/lib/data/admin-users";
import { formatDate, isoKoreanTime } from "@/lib/format";

export const metadata: Metadata = { title: "사용자" };

const USER_COLUMNS = [{ label: "아이디" }, { label: "이름" }, { label: "권한" }, { label: "상태" }, { label: "만든 날" }, { label: "비밀번호" }];

/**
 * 사용자 (admins only): every account with its role and state; 권한 변경, 사용 중지 / 다시
 * 사용 and 비밀번호 재설정 on each, and a form for a new account. An admin's own row offers no
 * way to demote or disable themselves (the data layer refuses it anyway).
 */
export default async function AdminUsersPage() {
  const admin = await requireAdmin();
  const result = await listUsersForAdmin(admin);
  if (!result.ok) notFound();

  return (
    <AdminCollectionPage titleId="users-title" title="사용자" createTitleId="new-user-title" createTitle="새 사용자" createForm={<CreateUserForm />}>
      <AdminTable columns={USER_COLUMNS}>
        {result.users.map((user) => (
          <UserRow key={user.id} user={user} isSelf={user.id === admin.id} />
        ))}
      </AdminTable>
    </AdminCollectionPage>
  );
}

function UserRow({ user, isSelf }: { user: AdminUserRow; isSelf: boolean }) {
  return (
    <tr className={`align-top ${user.disabled ? "bg-gray-50 text-gray-500" : ""}`}>
      <td className="px-3 py-2 font-mono text-[13px]">{user.loginId}</td>
      <td className="px-3 py-2">
        {user.displayName}
        {isSelf && <span className="ml-1 text-xs text-gray-500">(나)</span>}
      </td>
      <td className="px-3 py-2">
        {isSelf ? ROLE_LABELS[user.role] : <UserRoleForm userId={user.id} role={user.role} userName={user.displayName} />}
      </td>
      <td className="px-3 py-2">
        <p className="mb-1">{user.disabled ? "사용 중지" : user.hasPassword ? "사용 중" : "로그인 없음 (필명)"}</p>
        {!isSelf && <UserStatusForm userId={user.id} disabled={user.disabled} />}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        <time dateTime={isoKoreanTime(user.createdAt)}>{formatDate(user.createdAt)}</time>
      </td>
      <td className="px-3 py-2">
        <ResetPasswordForm userId={user.id} summary={user.hasPassword ? "재설정" : "비밀번호 정하기"} />
      </td>
    </tr>
  );
}
