import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

/** For load balancers and `npm start`'s own check: 200 when the database answers, 503 when not. */
export async function GET() {
  const started = Date.now();
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: { status: "up", latencyMs: Date.now() - started } });
  } catch (error) {
    console.error("Health check: database unreachable", error);
    return Response.json({ status: "degraded", database: { status: "down" } }, { status: 503 });
  }
}
