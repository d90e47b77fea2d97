import { BOARD_LIMITS, VIEW_COUNT_MODE_LABELS, VIEW_COUNT_MODE_OPTIONS, type BoardSettingField } from "@/lib/validations/admin-boards";
import { Field, fieldAria, inputClass, TextField } from "../form-controls";

type BoardSettingsFieldsProps = {
  idPrefix: string;
  error: (field: BoardSettingField) => string | undefined;
  /** The value to show: what was typed after a refusal, else the saved (or default) setting. */
  value: (field: BoardSettingField) => string;
};

/** A board's settings, the same in the create form and the settings form. */
export function BoardSettingsFields({ idPrefix, error, value }: BoardSettingsFieldsProps) {
  const id = (field: BoardSettingField) => `${idPrefix}-${field}`;
  const number = (field: "position" | "rowsPerPage" | "pageLinkCount" | "maxCommentDepth", label: string, hint: string) => (
    <Field id={id(field)} label={label} hint={hint} error={error(field)}>
      <input
        {...fieldAria(id(field), error(field))}
        name={field}
        type="number"
        inputMode="numeric"
        min={BOARD_LIMITS[field].min}
        max={BOARD_LIMITS[field].max}
        step={1}
        defaultValue={value(field)}
        className={inputClass}
      />
    </Field>
  );
  return (
    <>
      <TextField
        id={id("title")}
        label="게시판 이름"
        hint="사이트 메뉴와 목록 위에 보입니다."
        error={error("title")}
        name="title"
        maxLength={BOARD_LIMITS.title}
        defaultValue={value("title")}
      />
      <TextField id={id("description")} label="설명 (선택)" error={error("description")} name="description" maxLength={BOARD_LIMITS.description} defaultValue={value("description")} />
      {number("position", "메뉴 순서", "작은 수가 앞에 옵니다. 맨 앞 게시판이 첫 화면입니다.")}
      {number("rowsPerPage", "한 쪽의 글 수", `${BOARD_LIMITS.rowsPerPage.min}~${BOARD_LIMITS.rowsPerPage.max}`)}
      {number("pageLinkCount", "쪽 번호 개수", "목록 아래에 한 번에 보이는 쪽 번호 수")}
      {number("maxCommentDepth", "답글 깊이", "0: 제한 없음, 1: 답글 없음, 2 이상: 그 단계까지")}
      <Field id={id("viewCountMode")} label="조회수" error={error("viewCountMode")}>
        <select {...fieldAria(id("viewCountMode"), error("viewCountMode"))} name="viewCountMode" defaultValue={value("viewCountMode")} className={inputClass}>
          {VIEW_COUNT_MODE_OPTIONS.map((mode) => (
            <option key={mode} value={mode}>
              {VIEW_COUNT_MODE_LABELS[mode]}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex items-center gap-2 self-end pb-1.5">
        <input id={id("noticesOnEveryPage")} name="noticesOnEveryPage" type="checkbox" defaultChecked={value("noticesOnEveryPage") === "on"} className="size-4" />
        <label htmlFor={id("noticesOnEveryPage")} className="text-sm font-semibold text-gray-800">
          공지를 모든 쪽에 보이기 <span className="font-normal text-gray-500">(끄면 첫 쪽에만)</span>
        </label>
      </div>
    </>
  );
}
