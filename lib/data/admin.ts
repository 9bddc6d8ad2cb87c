import "server-only";
import { scopeOrRefuse, type Actor, type Scope } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";

export type AdminRegion = { id: string; slug: string; name: string };

/** Where the actor administers (everything, or their regions) and those regions; refused in the matrix's words elsewhere. */
export async function getAdminScope(actor: Actor): Promise<{ scope: Scope; regions: AdminRegion[] }> {
  const scope = scopeOrRefuse(actor, "admin.manage");
  const regions = await prisma.region.findMany({
    where: scope.all ? {} : { id: { in: scope.regionIds } },
    select: { id: true, slug: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return { scope, regions };
}
