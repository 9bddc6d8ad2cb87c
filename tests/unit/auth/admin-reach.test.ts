import { describe, expect, it } from "vitest";
import { assertCanAdministerRole, assertCanManagePerson, canManagePerson, canSeePerson, NO_FOOTPRINT, rolePlaceTarget } from "@/lib/auth/admin-reach";
import type { Actor } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

const COLORADO = "region-colorado";
const GEORGIA = "region-georgia";
const HAWAII = "region-hawaii";

const nationalAdmin: Actor = { grants: [{ role: "ADMIN", teamId: null, regionId: null }] };
const coloradoAdmin: Actor = { grants: [{ role: "ADMIN", teamId: null, regionId: COLORADO }] };
const twoRegionAdmin: Actor = {
  grants: [
    { role: "ADMIN", teamId: null, regionId: COLORADO },
    { role: "ADMIN", teamId: null, regionId: GEORGIA },
  ],
};
// Nationwide staff power is not administration: it reaches nobody here.
const nationalStaff: Actor = { grants: [{ role: "LMP_STAFF", teamId: null, regionId: null }] };

const inColorado = { national: false, regionIds: [COLORADO] };
const inColoradoAndGeorgia = { national: false, regionIds: [COLORADO, GEORGIA] };
const inGeorgia = { national: false, regionIds: [GEORGIA] };
const nationalAndColorado = { national: true, regionIds: [COLORADO] };
const nationalOnly = { national: true, regionIds: [] };

describe("who may manage a person", () => {
  it("lets a national administrator manage everyone", () => {
    for (const footprint of [NO_FOOTPRINT, inColorado, inColoradoAndGeorgia, nationalOnly]) expect(canManagePerson(nationalAdmin, footprint)).toBe(true);
  });

  it("lets a regional administrator manage a person wholly in their regions, or placed nowhere yet", () => {
    expect(canManagePerson(coloradoAdmin, inColorado)).toBe(true);
    expect(canManagePerson(coloradoAdmin, NO_FOOTPRINT)).toBe(true);
    expect(canManagePerson(twoRegionAdmin, inColoradoAndGeorgia)).toBe(true);
  });

  it("keeps a person who also works in another region, or holds (or held) a national role, for national administrators", () => {
    expect(canManagePerson(coloradoAdmin, inColoradoAndGeorgia)).toBe(false);
    expect(canManagePerson(coloradoAdmin, inGeorgia)).toBe(false);
    expect(canManagePerson(coloradoAdmin, nationalAndColorado)).toBe(false);
    expect(canManagePerson(twoRegionAdmin, { national: false, regionIds: [COLORADO, HAWAII] })).toBe(false);
  });

  it("refuses anyone who administers nowhere, even a person placed nowhere", () => {
    expect(canManagePerson(nationalStaff, NO_FOOTPRINT)).toBe(false);
    expect(canManagePerson({ grants: [] }, NO_FOOTPRINT)).toBe(false);
  });

  it("refuses in the permission matrix's words", () => {
    expect(() => assertCanManagePerson(coloradoAdmin, inGeorgia)).toThrow(ForbiddenError);
    expect(() => assertCanManagePerson(coloradoAdmin, inGeorgia)).toThrow("Only administrators (national, or of the region concerned) can administer the organisation.");
    expect(() => assertCanManagePerson(coloradoAdmin, inColorado)).not.toThrow();
  });
});

describe("whom an administrator's lists show", () => {
  it("shows a regional administrator the people with a place in their regions (even elsewhere too) and people placed nowhere", () => {
    expect(canSeePerson(coloradoAdmin, inColorado)).toBe(true);
    expect(canSeePerson(coloradoAdmin, inColoradoAndGeorgia)).toBe(true);
    expect(canSeePerson(coloradoAdmin, nationalAndColorado)).toBe(true);
    expect(canSeePerson(coloradoAdmin, NO_FOOTPRINT)).toBe(true);
  });

  it("hides the people of other regions and the national ones", () => {
    expect(canSeePerson(coloradoAdmin, inGeorgia)).toBe(false);
    expect(canSeePerson(coloradoAdmin, nationalOnly)).toBe(false);
    expect(canSeePerson(nationalStaff, NO_FOOTPRINT)).toBe(false);
    expect(canSeePerson(nationalAdmin, nationalOnly)).toBe(true);
  });
});

describe("who may grant, end or hand over a role", () => {
  const couriers = { teamId: "team-couriers", teamRegionId: COLORADO, regionId: null };
  const atlanta = { teamId: "team-atlanta", teamRegionId: GEORGIA, regionId: null };
  const coloradoRegion = { teamId: null, teamRegionId: null, regionId: COLORADO };
  const national = { teamId: null, teamRegionId: null, regionId: null };

  it("places a role at its team (in the team's region), its region, or nationally", () => {
    expect(rolePlaceTarget(couriers)).toEqual({ kind: "team", teamId: "team-couriers", regionId: COLORADO });
    expect(rolePlaceTarget(coloradoRegion)).toEqual({ kind: "region", regionId: COLORADO });
    expect(rolePlaceTarget(national)).toEqual({ kind: "national" });
  });

  it("lets a regional administrator administer roles on their region's teams and of the region itself", () => {
    expect(() => assertCanAdministerRole(coloradoAdmin, couriers)).not.toThrow();
    expect(() => assertCanAdministerRole(coloradoAdmin, coloradoRegion)).not.toThrow();
  });

  it("refuses a regional administrator another region's roles and national ones", () => {
    expect(() => assertCanAdministerRole(coloradoAdmin, atlanta)).toThrow(ForbiddenError);
    expect(() => assertCanAdministerRole(coloradoAdmin, national)).toThrow(ForbiddenError);
  });

  it("lets a national administrator administer every role", () => {
    for (const place of [couriers, atlanta, coloradoRegion, national]) expect(() => assertCanAdministerRole(nationalAdmin, place)).not.toThrow();
  });
});
