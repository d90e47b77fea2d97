"use client";

import { useState, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { toolbarIcons } from "./toolbar-icons";

type ToolbarProps = {
  editor: Editor;
  /** The toolbar element, so the editor's Alt+F10 can move focus into it. */
  toolbarRef: RefObject<HTMLDivElement | null>;
  /** The editable area's id, for aria-controls. */
  editorId: string;
  linkPanelId: string;
  linkPanelOpen: boolean;
  onToggleLinkPanel: () => void;
  onPickImage: () => void;
};

type Tool = {
  /** Stable accessible name (tests find buttons by it). */
  label: string;
  /** Tooltip: the name and its shortcut. */
  title: string;
  /** For aria-keyshortcuts. */
  keys?: string;
  content: ReactNode;
  /** For toggles (marks, headings, lists): whether it is on where the cursor is. */
  pressed?: boolean;
  /** For the button that opens the link box. */
  expanded?: boolean;
  disabled: boolean;
  run: () => void;
  /** Text buttons (table commands) are wider than the square icon buttons. */
  text?: boolean;
};

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The editor's formatting bar: one tab stop (arrow keys, Home and End move between buttons,
 * Escape goes back to the text), buttons that keep the text's selection (they do not take focus
 * on click), aria-pressed on toggles. Table commands are greyed out outside a table.
 */
export function EditorToolbar({ editor, toolbarRef, editorId, linkPanelId, linkPanelOpen, onToggleLinkPanel, onPickImage }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const can = e.can();
      const inTable = e.isActive("table");
      return {
        h2: e.isActive("heading", { level: 2 }),
        h3: e.isActive("heading", { level: 3 }),
        h4: e.isActive("heading", { level: 4 }),
        bold: e.isActive("bold"),
        italic: e.isActive("italic"),
        strike: e.isActive("strike"),
        link: e.isActive("link"),
        bulletList: e.isActive("bulletList"),
        orderedList: e.isActive("orderedList"),
        blockquote: e.isActive("blockquote"),
        canHeading: can.toggleHeading({ level: 2 }),
        canBold: can.toggleBold(),
        canItalic: can.toggleItalic(),
        canStrike: can.toggleStrike(),
        canLink: can.setLink({ href: "https://example.com" }) || e.isActive("link"),
        canBulletList: can.toggleBulletList(),
        canOrderedList: can.toggleOrderedList(),
        canBlockquote: can.toggleBlockquote(),
        canRule: can.setHorizontalRule(),
        canImage: e.isEditable,
        inTable,
        canInsertTable: !inTable && can.insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
        canAddRow: inTable && can.addRowAfter(),
        canAddColumn: inTable && can.addColumnAfter(),
        canDeleteRow: inTable && can.deleteRow(),
        canDeleteColumn: inTable && can.deleteColumn(),
        canDeleteTable: inTable && can.deleteTable(),
        canUndo: can.undo(),
        canRedo: can.redo(),
      };
    },
  });

  const mac = isMac();
  const mod = mac ? "⌘" : "Ctrl";
  const alt = mac ? "Option" : "Alt";
  const modKey = mac ? "Meta" : "Control";
  const chain = () => editor.chain().focus();

  const groups: { label: string; tools: Tool[] }[] = [
    {
      label: "문단 제목",
      tools: ([2, 3, 4] as const).map((level) => ({
        label: `제목 ${level}`,
        title: `제목 ${level} (${mod}+${alt}+${level})`,
        keys: `${modKey}+Alt+${level}`,
        content: <span className="text-[13px] font-bold">H{level}</span>,
        pressed: state[`h${level}`],
        disabled: !state.canHeading,
        run: () => chain().toggleHeading({ level }).run(),
      })),
    },
    {
      label: "글자 모양",
      tools: [
        {
          label: "굵게",
          title: `굵게 (${mod}+B)`,
          keys: `${modKey}+B`,
          content: <span className="font-serif text-base font-bold">B</span>,
          pressed: state.bold,
          disabled: !state.canBold,
          run: () => chain().toggleBold().run(),
        },
        {
          label: "기울임",
          title: `기울임 (${mod}+I)`,
          keys: `${modKey}+I`,
          content: <span className="font-serif text-base italic">I</span>,
          pressed: state.italic,
          disabled: !state.canItalic,
          run: () => chain().toggleItalic().run(),
        },
        {
          label: "취소선",
          title: `취소선 (${mod}+Shift+S)`,
          keys: `${modKey}+Shift+S`,
          content: <span className="font-serif text-base line-through">S</span>,
          pressed: state.strike,
          disabled: !state.canStrike,
          run: () => chain().toggleStrike().run(),
        },
        {
          label: "링크",
          title: state.link ? `링크 고치기·지우기 (${mod}+K)` : `링크 (${mod}+K)`,
          keys: `${modKey}+K`,
          content: toolbarIcons.link,
          expanded: linkPanelOpen,
          disabled: !state.canLink,
          run: onToggleLinkPanel,
        },
      ],
    },
    {
      label: "문단",
      tools: [
        {
          label: "글머리 기호 목록",
          title: `글머리 기호 목록 (${mod}+Shift+8)`,
          keys: `${modKey}+Shift+8`,
          content: toolbarIcons.bulletList,
          pressed: state.bulletList,
          disabled: !state.canBulletList,
          run: () => chain().toggleBulletList().run(),
        },
        {
          label: "번호 목록",
          title: `번호 목록 (${mod}+Shift+7)`,
          keys: `${modKey}+Shift+7`,
          content: toolbarIcons.orderedList,
          pressed: state.orderedList,
          disabled: !state.canOrderedList,
          run: () => chain().toggleOrderedList().run(),
        },
        {
          label: "인용",
          title: `인용 (${mod}+Shift+B)`,
          keys: `${modKey}+Shift+B`,
          content: toolbarIcons.blockquote,
          pressed: state.blockquote,
          disabled: !state.canBlockquote,
          run: () => chain().toggleBlockquote().run(),
        },
        {
          label: "구분선",
          title: "구분선",
          content: toolbarIcons.horizontalRule,
          disabled: !state.canRule,
          run: () => chain().setHorizontalRule().run(),
        },
      ],
    },
    {
      label: "넣기",
      tools: [
        {
          label: "이미지",
          title: "이미지 넣기 (파일을 끌어다 놓거나 붙여 넣어도 됩니다)",
          content: toolbarIcons.image,
          disabled: !state.canImage,
          run: onPickImage,
        },
        {
          label: "표 삽입",
          title: "표 삽입 (3×3, 첫 줄은 제목 칸)",
          content: toolbarIcons.table,
          disabled: !state.canInsertTable,
          run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        },
      ],
    },
    {
      label: "표 편집",
      tools: [
        { label: "행 추가", title: "아래에 행 추가", text: true, content: "행 추가", disabled: !state.canAddRow, run: () => chain().addRowAfter().run() },
        { label: "열 추가", title: "오른쪽에 열 추가", text: true, content: "열 추가", disabled: !state.canAddColumn, run: () => chain().addColumnAfter().run() },
        { label: "행 삭제", title: "이 행 삭제", text: true, content: "행 삭제", disabled: !state.canDeleteRow, run: () => chain().deleteRow().run() },
        { label: "열 삭제", title: "이 열 삭제", text: true, content: "열 삭제", disabled: !state.canDeleteColumn, run: () => chain().deleteColumn().run() },
        { label: "표 삭제", title: "표 전체 삭제", text: true, content: "표 삭제", disabled: !state.canDeleteTable, run: () => chain().deleteTable().run() },
      ],
    },
    {
      label: "되돌리기",
      tools: [
        {
          label: "실행 취소",
          title: `실행 취소 (${mod}+Z)`,
          keys: `${modKey}+Z`,
          content: toolbarIcons.undo,
          disabled: !state.canUndo,
          run: () => chain().undo().run(),
        },
        {
          label: "다시 실행",
          title: `다시 실행 (${mod}+Shift+Z)`,
          keys: `${modKey}+Shift+Z`,
          content: toolbarIcons.redo,
          disabled: !state.canRedo,
          run: () => chain().redo().run(),
        },
      ],
    },
  ];

  // Roving tab stop: the last button used, or the first enabled one.
  const [current, setCurrent] = useState<string | null>(null);
  const enabled = groups.flatMap((group) => group.tools).filter((tool) => !tool.disabled);
  const tabStop = enabled.some((tool) => tool.label === current) ? current : enabled[0]?.label;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    const buttons = Array.from(toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0 || buttons.length === 0) return;
    const target =
      event.key === "ArrowRight" ? buttons[(index + 1) % buttons.length]
      : event.key === "ArrowLeft" ? buttons[(index - 1 + buttons.length) % buttons.length]
      : event.key === "Home" ? buttons[0]
      : event.key === "End" ? buttons[buttons.length - 1]
      : null;
    if (!target) return;
    event.preventDefault();
    target.focus();
  }

  return (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label="본문 서식"
      aria-controls={editorId}
      onKeyDown={onKeyDown}
      className="sticky top-0 z-10 flex flex-wrap items-center gap-x-1 gap-y-1 rounded-t border-b border-gray-300 bg-gray-50 px-1.5 py-1"
    >
      {groups.map((group, groupIndex) => (
        <div
          key={group.label}
          role="group"
          aria-label={group.label}
          className={`flex items-center gap-0.5 ${groupIndex > 0 ? "border-l border-gray-300 pl-1" : ""}`}
        >
          {group.tools.map((tool) => (
            <button
              key={tool.label}
              type="button"
              aria-label={tool.label}
              title={tool.title}
              aria-keyshortcuts={tool.keys}
              aria-pressed={tool.pressed}
              aria-expanded={tool.expanded}
              aria-controls={tool.expanded === undefined ? undefined : linkPanelId}
              disabled={tool.disabled}
              tabIndex={tool.label === tabStop ? 0 : -1}
              data-active={tool.pressed || (tool.label === "링크" && state.link) ? "true" : undefined}
              // Keep the focus (and so the selection) in the text when clicked with a mouse.
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setCurrent(tool.label)}
              onClick={tool.run}
              className={`inline-flex h-8 items-center justify-center rounded text-gray-700 hover:bg-white hover:text-brand-700 disabled:cursor-default disabled:text-gray-300 disabled:hover:bg-transparent data-[active=true]:bg-brand-100 data-[active=true]:text-brand-800 ${
                tool.text ? "px-2 text-[13px] whitespace-nowrap" : "w-8"
              }`}
            >
              {tool.content}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
