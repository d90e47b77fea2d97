import { listParams, type ListState } from "@/lib/board/list-state";

/**
 * Hidden inputs that carry a list state through a GET form (the search box, the page jump),
 * leaving out the fields the form sets itself.
 */
export function ListStateFields({ state, omit }: { state: Partial<ListState>; omit: string[] }) {
  return (
    <>
      {listParams(state)
        .filter(([name]) => !omit.includes(name))
        .map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
    </>
  );
}
