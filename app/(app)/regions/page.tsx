import { redirect } from "next/navigation";

/** The regional table grew into the overview; old links and bookmarks keep working. */
export default async function RegionsPage({ searchParams }: PageProps<"/regions">) {
  const { quarter } = await searchParams;
  redirect(typeof quarter === "string" ? `/overview?quarter=${encodeURIComponent(quarter)}` : "/overview");
}
