// The preview of each template must say what the template file holds.
import { describe, expect, it } from "vitest";
import { TEMPLATE_PREVIEWS } from "./templatePreview";
import team5 from "../../../../crates/orgplan-core/data/team-5.json";
import team8 from "../../../../crates/orgplan-core/data/team-8.json";
import team30 from "../../../../crates/orgplan-core/data/team-30.json";
import opsCenter from "../../../../crates/orgplan-core/data/ops-center.json";

interface File {
  departments: { id: string; name: string; name_en: string; color: string }[];
  positions: { parent?: string | null; department?: string | null; title: string; title_en: string; headcount: number }[];
  people?: unknown[];
}

const files: Record<string, File> = { "team-5": team5, "team-8": team8, "team-30": team30, "ops-center": opsCenter };

describe("template previews", () => {
  for (const [id, file] of Object.entries(files)) {
    it(`matches ${id}`, () => {
      const top = file.positions.find((p) => !p.parent)!;
      expect(TEMPLATE_PREVIEWS[id]).toEqual({
        top: [top.title, top.title_en],
        people: file.people?.length ?? 0,
        departments: file.departments.map((d) => {
          const ps = file.positions.filter((p) => p.department === d.id);
          return {
            name: d.name,
            name_en: d.name_en,
            color: d.color,
            headcount: ps.reduce((s, p) => s + p.headcount, 0),
            roles: ps.map((p) => [p.title, p.title_en, p.headcount]),
          };
        }),
      });
    });
  }
});
