/**
 * Cell notes (Excel.NoteCollection / Excel.Note, ExcelApi 1.18) and threaded comments
 * (Excel.CommentCollection / Excel.Comment, ExcelApi 1.10). From the reference pages:
 *   - notes.add(cellAddress, content): "If the string is invalid, or the range is not a single
 *     cell, an InvalidCellAddress error is thrown"; getItem takes the cell address;
 *   - comments.add(cellAddress, content): a string address "must contain the full address,
 *     including the sheet name"; a range larger than one cell is InvalidArgument.
 * One note and one comment thread per cell: a second add on the same cell is ItemAlreadyExists
 * (the fake's choice; Excel's UI offers no second note on a cell).
 */
import { parseAddress, type Rect } from "./address";
import type { FakeRequestContext } from "./context";
import { type OfficeErrorCode, fail } from "./errors";
import { FakeClientResult, FakeCollection, FakeObject, lazy, type Source } from "./proxy";
import { type RangeTarget, FakeRange } from "./range";
import { api } from "./requirements";
import type { CommentState, FakeExcel, NoteState, SheetState } from "./state";

export interface CellScope {
  readonly book: FakeExcel;
  readonly sheet?: SheetState;
}

/** Resolves a single-cell address (Range or string) within a scope. */
function cellOf(
  scope: CellScope,
  input: unknown,
  code: OfficeErrorCode,
  requireSheet: boolean,
  location: string
): { sheet: SheetState; row: number; col: number } {
  let sheet: SheetState;
  let rect: Rect;
  if (input instanceof FakeRange) {
    const t = input.targetAtSync();
    sheet = t.sheet;
    rect = t.rect;
  } else {
    if (typeof input !== "string") return fail(code, "A cell address is required.", location);
    let p: ReturnType<typeof parseAddress>;
    try {
      p = parseAddress(input, location);
    } catch {
      return fail(code, `Not a cell address: '${input}'.`, location);
    }
    if (p.sheet === undefined && (requireSheet || !scope.sheet)) {
      fail(code, `'${input}' must include the sheet name.`, location);
    }
    sheet =
      p.sheet === undefined
        ? (scope.sheet as SheetState)
        : scope.book.sheetOrFail(p.sheet, location);
    rect = p.rect;
  }
  if (scope.sheet && sheet !== scope.sheet)
    fail(code, "The cell is on another worksheet.", location);
  if (rect.rows !== 1 || rect.cols !== 1)
    fail(code, "The address must be a single cell.", location);
  return { sheet, row: rect.row, col: rect.col };
}

interface NoteTarget {
  readonly sheet: SheetState;
  readonly note: NoteState;
}

export class FakeNoteCollection extends FakeCollection<CellScope, FakeNote, NoteTarget> {
  protected readonly typeName = "NoteCollection";
  protected override readonly apiSet = api("1.18");

  constructor(context: FakeRequestContext, source: Source<CellScope>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected itemsOf({ book, sheet }: CellScope): NoteTarget[] {
    const sheets = sheet ? [sheet] : book.sheets;
    return sheets.flatMap((s) => s.notes.map((note) => ({ sheet: s, note })));
  }

  protected makeItem(target: NoteTarget): FakeNote {
    return new FakeNote(this.context, { kind: "resolved", target });
  }

  add(cellAddress: FakeRange | string, content: unknown): FakeNote {
    return new FakeNote(
      this.context,
      lazy(
        "NoteCollection.add",
        (): NoteTarget => {
          const loc = "NoteCollection.add";
          const { sheet, row, col } = cellOf(
            this.target(),
            cellAddress,
            "InvalidCellAddress",
            false,
            loc
          );
          if (typeof content !== "string")
            fail("InvalidArgument", "Note content must be a string.", loc);
          return { sheet, note: sheet.addNote(row, col, content, sheet.book.user.name, loc) };
        },
        this.apiSet
      )
    );
  }

  private find(key: string, location: string): NoteTarget | undefined {
    const { sheet, row, col } = cellOf(this.target(), key, "InvalidCellAddress", false, location);
    return this.itemsOf(this.target()).find(
      (n) => n.sheet === sheet && n.note.row === row && n.note.col === col
    );
  }

  getItem(key: string): FakeNote {
    return new FakeNote(
      this.context,
      lazy(
        "NoteCollection.getItem",
        () =>
          this.find(key, "NoteCollection.getItem") ?? fail("ItemNotFound", `No note at ${key}.`),
        this.apiSet
      )
    );
  }

  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(
      this.context,
      lazy(
        "NoteCollection.getItemOrNullObject",
        () => this.find(key, "NoteCollection.getItemOrNullObject") ?? null,
        this.apiSet
      )
    );
  }

  getItemAt(index: number): FakeNote {
    return new FakeNote(
      this.context,
      lazy(
        "NoteCollection.getItemAt",
        () =>
          this.itemsOf(this.target())[index] ?? fail("ItemNotFound", `No note at index ${index}.`),
        this.apiSet
      )
    );
  }

  getCount(): FakeClientResult<number> {
    return this.count("NoteCollection.getCount");
  }
}

export class FakeNote extends FakeObject<NoteTarget> {
  protected readonly typeName = "Note";
  protected readonly scalarNames = ["authorName", "content"] as const;
  protected override readonly apiSet = api("1.18");

  constructor(context: FakeRequestContext, source: Source<NoteTarget>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected override target(): NoteTarget {
    const t = super.target();
    if (!t.sheet.notes.includes(t.note)) fail("ItemNotFound", "The note was deleted.", "Note");
    return t;
  }

  protected read(name: string, { note }: NoteTarget): unknown {
    return name === "authorName" ? note.author : note.content;
  }

  get authorName(): string {
    return this.loaded("authorName");
  }

  get content(): string {
    return this.loaded("content");
  }
  set content(value: string) {
    this.queueSet("content", ({ note }) => {
      if (typeof value !== "string")
        fail("InvalidArgument", "Note content must be a string.", "Note.content");
      note.content = value;
    });
  }

  delete(): void {
    this.queueCall(
      "delete",
      ({ sheet, note }) => (sheet.notes = sheet.notes.filter((n) => n !== note))
    );
  }

  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        "Note.getLocation",
        (): RangeTarget => {
          const { sheet, note } = this.target();
          return { sheet, rect: { row: note.row, col: note.col, rows: 1, cols: 1 } };
        },
        this.apiSet
      )
    );
  }
}

interface CommentTarget {
  readonly sheet: SheetState;
  readonly comment: CommentState;
}

export class FakeCommentCollection extends FakeCollection<CellScope, FakeComment, CommentTarget> {
  protected readonly typeName = "CommentCollection";
  protected override readonly apiSet = api("1.10");

  constructor(context: FakeRequestContext, source: Source<CellScope>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected itemsOf({ book, sheet }: CellScope): CommentTarget[] {
    const sheets = sheet ? [sheet] : book.sheets;
    return sheets.flatMap((s) => s.comments.map((comment) => ({ sheet: s, comment })));
  }

  protected makeItem(target: CommentTarget): FakeComment {
    return new FakeComment(this.context, { kind: "resolved", target });
  }

  /** Plain-text comments only (CommentRichContent, ExcelApi 1.11, is not modelled). */
  add(cellAddress: FakeRange | string, content: unknown, contentType = "Plain"): FakeComment {
    return new FakeComment(
      this.context,
      lazy(
        "CommentCollection.add",
        (): CommentTarget => {
          const loc = "CommentCollection.add";
          const { sheet, row, col } = cellOf(
            this.target(),
            cellAddress,
            "InvalidArgument",
            true,
            loc
          );
          if (typeof content !== "string" || contentType !== "Plain") {
            fail("FakeLimitation", "Only plain-text comments are modelled.", loc);
          }
          return { sheet, comment: sheet.addComment(row, col, content, loc) };
        },
        this.apiSet
      )
    );
  }

  getItem(commentId: string): FakeComment {
    return new FakeComment(
      this.context,
      lazy(
        "CommentCollection.getItem",
        () =>
          this.itemsOf(this.target()).find((c) => c.comment.id === commentId) ??
          fail("ItemNotFound", `No comment ${commentId}.`),
        this.apiSet
      )
    );
  }

  getItemOrNullObject(commentId: string): FakeComment {
    return new FakeComment(
      this.context,
      lazy(
        "CommentCollection.getItemOrNullObject",
        () => this.itemsOf(this.target()).find((c) => c.comment.id === commentId) ?? null,
        api("1.14")
      )
    );
  }

  getItemAt(index: number): FakeComment {
    return new FakeComment(
      this.context,
      lazy(
        "CommentCollection.getItemAt",
        () =>
          this.itemsOf(this.target())[index] ??
          fail("ItemNotFound", `No comment at index ${index}.`),
        this.apiSet
      )
    );
  }

  getItemByCell(cellAddress: FakeRange | string): FakeComment {
    return new FakeComment(
      this.context,
      lazy(
        "CommentCollection.getItemByCell",
        () => {
          const loc = "CommentCollection.getItemByCell";
          const { sheet, row, col } = cellOf(
            this.target(),
            cellAddress,
            "InvalidArgument",
            true,
            loc
          );
          return (
            this.itemsOf(this.target()).find(
              (c) => c.sheet === sheet && c.comment.row === row && c.comment.col === col
            ) ?? fail("ItemNotFound", "No comment on that cell.", loc)
          );
        },
        this.apiSet
      )
    );
  }

  getCount(): FakeClientResult<number> {
    return this.count("CommentCollection.getCount");
  }
}

export class FakeComment extends FakeObject<CommentTarget> {
  protected readonly typeName = "Comment";
  protected readonly scalarNames = [
    "id",
    "content",
    "authorName",
    "authorEmail",
    "creationDate",
    "resolved",
    "contentType",
  ] as const;
  protected override readonly apiSet = api("1.10");

  constructor(context: FakeRequestContext, source: Source<CommentTarget>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected override target(): CommentTarget {
    const t = super.target();
    if (!t.sheet.comments.includes(t.comment))
      fail("ItemNotFound", "The comment was deleted.", "Comment");
    return t;
  }

  protected read(name: string, { comment }: CommentTarget): unknown {
    const values: Record<string, unknown> = {
      id: comment.id,
      content: comment.content,
      authorName: comment.author,
      authorEmail: comment.email,
      creationDate: new Date(comment.created),
      resolved: comment.resolved,
      contentType: "Plain",
    };
    return values[name];
  }

  get id(): string {
    return this.loaded("id");
  }
  get authorName(): string {
    return this.loaded("authorName");
  }
  get authorEmail(): string {
    return this.loaded("authorEmail");
  }
  get creationDate(): Date {
    return this.loaded("creationDate");
  }
  get contentType(): string {
    return this.loaded("contentType");
  }

  get content(): string {
    return this.loaded("content");
  }
  set content(value: string) {
    this.queueSet("content", ({ comment }) => {
      if (typeof value !== "string")
        fail("InvalidArgument", "Comment content must be a string.", "Comment.content");
      comment.content = value;
    });
  }

  get resolved(): boolean {
    return this.loaded("resolved");
  }
  set resolved(value: boolean) {
    this.queueSet("resolved", ({ comment }) => (comment.resolved = Boolean(value)), api("1.11"));
  }

  delete(): void {
    this.queueCall(
      "delete",
      ({ sheet, comment }) => (sheet.comments = sheet.comments.filter((c) => c !== comment))
    );
  }

  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        "Comment.getLocation",
        (): RangeTarget => {
          const { sheet, comment } = this.target();
          return { sheet, rect: { row: comment.row, col: comment.col, rows: 1, cols: 1 } };
        },
        this.apiSet
      )
    );
  }
}
