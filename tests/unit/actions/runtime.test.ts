import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConflictError, ForbiddenError, GENERIC_ERROR_MESSAGE, InvalidInputError } from "@/lib/errors";

// The runtime's ties to Next.js, the session and the database, replaced so it can run here: who is
// signed in (or nobody), the revalidation it asks for, and the idempotency store (which
// tests/integration/actions/idempotency.test.ts exercises on PostgreSQL). Everything else is the real runtime.
const session = vi.hoisted(() => ({ user: null as null | { id: string; personId: string; grants: [] } }));
const onceRequests = vi.hoisted(() => [] as unknown[]);
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/auth/session", () => ({
  requireActionUser: async () => {
    if (!session.user) throw new (await import("@/lib/errors")).ForbiddenError("Your session has ended. Sign in again to continue.");
    return session.user;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));
vi.mock("@/lib/actions/idempotency", () => ({
  runOnce: async (request: unknown, write: () => Promise<unknown>) => {
    onceRequests.push(request);
    return write();
  },
}));

const { publicAction, userAction } = await import("@/lib/actions/runtime");

const schema = z.object({
  projectId: z.uuid({ error: "Unknown project" }),
  name: z.string().trim().min(1, "Name the measure"),
  amount: z.string().transform((text) => Math.round(Number(text) * 100)),
});
const PROJECT = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f";
const valid = { projectId: PROJECT, name: " Route time ", amount: "12.5" };

function actionRunning(service: (user: unknown, input: z.output<typeof schema>) => Promise<unknown>) {
  const run = vi.fn(service);
  return { run, action: userAction(schema, run, (_data, input) => [`/projects/${input.projectId}`, "/"]) };
}

beforeEach(() => {
  session.user = { id: "user-1", personId: "person-1", grants: [] };
  revalidated.length = 0;
  onceRequests.length = 0;
});

describe("the action runtime", () => {
  it("runs the service with the signed-in user and the parsed input, then revalidates the pages it names", async () => {
    const { run, action } = actionRunning(async (_user, input) => ({ saved: input.amount }));
    expect(await action(valid)).toEqual({ data: { saved: 1250 } });
    expect(run).toHaveBeenCalledWith(session.user, { projectId: PROJECT, name: "Route time", amount: 1250 });
    expect(revalidated).toEqual([`/projects/${PROJECT}`, "/"]);
  });

  it("sends the browser on to the page `goTo` names, after revalidating", async () => {
    const action = userAction(schema, async () => ({ projectId: "p-9" }), () => ["/"], { goTo: ({ projectId }) => `/projects/${projectId}` });
    await expect(action(valid)).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT;replace;/projects/p-9;") });
    expect(revalidated).toEqual(["/"]);
  });

  it("answers input the schema refuses with each field's message, without running the service or revalidating", async () => {
    const { run, action } = actionRunning(async () => null);
    const answer = await action({ projectId: "p-1", name: "  ", amount: "1" });
    expect(answer).toEqual({ validationErrors: { projectId: { _errors: ["Unknown project"] }, name: { _errors: ["Name the measure"] } } });
    expect(run).not.toHaveBeenCalled();
    expect(revalidated).toEqual([]);
  });

  it("puts a service's field errors beside their fields, and its message above them when no field says it", async () => {
    const { action } = actionRunning(async () => {
      throw new InvalidInputError("Q1 2031 has not begun yet.", { quarter: ["Choose the current quarter or an earlier one"] });
    });
    expect(await action(valid)).toEqual({
      validationErrors: { _errors: ["Q1 2031 has not begun yet."], quarter: { _errors: ["Choose the current quarter or an earlier one"] } },
    });
    expect(revalidated).toEqual([]);
  });

  it("shows a duplicate only beside the field it names", async () => {
    const { action } = actionRunning(async () => {
      throw new ConflictError('This project already has a measure named "Route time".', { field: "name" });
    });
    expect(await action(valid)).toEqual({ validationErrors: { name: { _errors: ['This project already has a measure named "Route time".'] } } });
  });

  it("answers an expected refusal with its own message", async () => {
    const { action } = actionRunning(async () => {
      throw new ConflictError("Someone else changed this project while you had it open.");
    });
    expect(await action(valid)).toEqual({ serverError: "Someone else changed this project while you had it open." });
    const forbidden = actionRunning(async () => {
      throw new ForbiddenError("Only LMP staff can reopen a final rating.");
    });
    expect(await forbidden.action(valid)).toEqual({ serverError: "Only LMP staff can reopen a final rating." });
  });

  it("hides an unexpected failure behind a generic message, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { action } = actionRunning(async () => {
      throw new Error("connection refused at 10.0.0.5:5432");
    });
    expect(await action(valid)).toEqual({ serverError: GENERIC_ERROR_MESSAGE });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("refuses without a session, before running anything", async () => {
    session.user = null;
    const { run, action } = actionRunning(async () => null);
    expect(await action(valid)).toEqual({ serverError: "Your session has ended. Sign in again to continue." });
    expect(run).not.toHaveBeenCalled();
  });
});

describe("an idempotent action", () => {
  const KEY = "0b9e7a3c-5d1f-4e2a-8c6b-7f4d3e2a1b0c";
  function idempotentAction() {
    const run = vi.fn(async (_user: unknown, input: z.output<typeof schema>) => ({ saved: input.amount }));
    return { run, action: userAction(schema, run, () => ["/"], { idempotent: "measure.added" }) };
  }

  it("takes the form's key out of the input and runs the service once for that user, key, action and parsed input", async () => {
    const { run, action } = idempotentAction();
    expect(await action({ ...valid, idempotencyKey: KEY })).toEqual({ data: { saved: 1250 } });
    const parsed = { projectId: PROJECT, name: "Route time", amount: 1250 };
    expect(run).toHaveBeenCalledWith(session.user, parsed);
    expect(onceRequests).toEqual([{ userId: "user-1", key: KEY, action: "measure.added", input: parsed }]);
    expect(revalidated).toEqual(["/"]);
  });

  it("runs the service directly when a caller sends no key", async () => {
    const { run, action } = idempotentAction();
    expect(await action(valid)).toEqual({ data: { saved: 1250 } });
    expect(run).toHaveBeenCalledTimes(1);
    expect(onceRequests).toEqual([]);
  });

  it("refuses a key that is not a UUID beside the input's own errors, running nothing", async () => {
    const { run, action } = idempotentAction();
    expect(await action({ ...valid, name: " ", idempotencyKey: "1; DROP TABLE" })).toEqual({
      validationErrors: {
        name: { _errors: ["Name the measure"] },
        idempotencyKey: { _errors: ["The form's request key is not valid: reload the page."] },
      },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("leaves actions that are not idempotent alone: their schema drops the key the form sends", async () => {
    const { run, action } = actionRunning(async () => null);
    await action({ ...valid, idempotencyKey: KEY } as typeof valid);
    expect(run).toHaveBeenCalledWith(session.user, { projectId: PROJECT, name: "Route time", amount: 1250 });
    expect(onceRequests).toEqual([]);
  });
});

describe("a public action", () => {
  it("runs its service on the parsed input with nobody signed in, with the same field errors and revalidation", async () => {
    session.user = null;
    const run = vi.fn(async (input: z.output<typeof schema>) => ({ saved: input.amount }));
    const action = publicAction(schema, run, (_data, input) => [`/projects/${input.projectId}`]);
    expect(await action(valid)).toEqual({ data: { saved: 1250 } });
    expect(run).toHaveBeenCalledWith({ projectId: PROJECT, name: "Route time", amount: 1250 });
    expect(revalidated).toEqual([`/projects/${PROJECT}`]);
    expect(await action({ ...valid, name: " " })).toEqual({ validationErrors: { name: { _errors: ["Name the measure"] } } });
    expect(run).toHaveBeenCalledTimes(1);
  });
});
