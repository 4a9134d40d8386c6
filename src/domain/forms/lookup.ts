import { SHENBAO } from "./shenbao";
import type { FieldSpec } from "./types";

const BY_ID = new Map(SHENBAO.fields.map((f) => [f.id, f]));

/** The 申报表 field with this id; throws for an unknown id, which is a programming error. */
export function fieldById(id: string): FieldSpec {
  const f = BY_ID.get(id);
  if (!f) throw new Error(`Unknown 申报表 field id: ${id}`);
  return f;
}

/** Fields that hold data (everything but seals). */
export function dataFields(): readonly FieldSpec[] {
  return SHENBAO.fields.filter((f) => f.kind !== "seal");
}
