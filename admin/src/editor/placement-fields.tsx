import type { SectionOption } from "../lib/data.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { ZONES, zoneAbbreviation } from "../lib/time.ts";
import type { ArticleFields, Zone } from "../lib/types.ts";

/** Where a story belongs: its section (`Rubrik`) and dateline (place, outlet, time zone). */
export function PlacementFields(props: {
  fields: ArticleFields;
  editable: boolean;
  sections: SectionOption[];
  onChange(patch: Partial<ArticleFields>): void;
}) {
  const { t } = usePrefs();
  return (
    <>
      <label>
        {t("section")}
        <select
          value={props.fields.sectionId ?? ""}
          disabled={!props.editable}
          onChange={(e) => props.onChange({ sectionId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t("chooseSection")}</option>
          {props.sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t("dateline")}</legend>
        <label>
          {t("place")}
          <input
            value={props.fields.dateline.place}
            readOnly={!props.editable}
            onChange={(e) =>
              props.onChange({ dateline: { ...props.fields.dateline, place: e.target.value } })
            }
          />
        </label>
        <label>
          {t("outlet")}
          <input
            value={props.fields.dateline.outlet ?? ""}
            readOnly={!props.editable}
            onChange={(e) =>
              props.onChange({ dateline: { ...props.fields.dateline, outlet: e.target.value || null } })
            }
          />
        </label>
        <label>
          {t("datelineZone")}
          <select
            value={props.fields.dateline.timeZone}
            disabled={!props.editable}
            onChange={(e) =>
              props.onChange({ dateline: { ...props.fields.dateline, timeZone: e.target.value as Zone } })
            }
          >
            {ZONES.map((z) => (
              <option key={z} value={z}>
                {zoneAbbreviation(z)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </>
  );
}
