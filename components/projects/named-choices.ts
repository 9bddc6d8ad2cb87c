import type { PersonChoice } from "@/lib/data/roster";

/** The roster's choices plus anyone already named who has since left it, so saving a form keeps them named. */
export function choicesWithNamed(roster: readonly PersonChoice[], named: readonly PersonChoice[]): PersonChoice[] {
  return [...roster, ...named.filter((person) => !roster.some((choice) => choice.value === person.value))];
}
