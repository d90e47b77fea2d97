import type { ReactNode } from "react";

/**
 * The frame of an admin page that lists things (게시판, 사용자): the page title over the list,
 * then a card with the form for a new one. The ids tie each section to its heading.
 */
export function AdminCollectionPage({
  titleId,
  title,
  children,
  createTitleId,
  createTitle,
  createForm,
}: {
  titleId: string;
  title: string;
  /** The list: an AdminTable, or what stands in for an empty one. */
  children: ReactNode;
  createTitleId: string;
  createTitle: string;
  createForm: ReactNode;
}) {
  return (
    <div className="space-y-8">
      <section aria-labelledby={titleId} className="space-y-4">
        <h1 id={titleId} className="text-xl font-bold text-gray-900">{title}</h1>
        {children}
      </section>
      <section aria-labelledby={createTitleId} className="space-y-3 rounded border border-gray-200 bg-white p-4">
        <h2 id={createTitleId} className="text-lg font-bold text-gray-900">{createTitle}</h2>
        {createForm}
      </section>
    </div>
  );
}

/** The list's table, in a box that scrolls sideways on a narrow screen; `numeric` columns are right-aligned. */
export function AdminTable({ columns, children }: { columns: { label: string; numeric?: boolean }[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded border border-gray-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-gray-200 bg-gray-50 text-xs text-gray-600">
          <tr>
            {columns.map(({ label, numeric }) => (
              <th key={label} scope="col" className={numeric ? "px-3 py-2 text-right font-semibold" : "px-3 py-2 font-semibold"}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">{children}</tbody>
      </table>
    </div>
  );
}
