import { AdminNav } from "@/components/admin/admin-nav";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getAdminScope } from "@/lib/data/admin";

/** Every administration page: administrators only (national, or for their regions); anyone else gets the 403 page. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const { scope, regions } = await guardPage(getAdminScope(user));
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Administration</h1>
        <p className="text-sm text-slate-600">
          {scope.all ? "The whole partnership" : `For ${regions.map((region) => region.name).join(", ")}`}
        </p>
        <AdminNav />
      </div>
      {children}
    </div>
  );
}
