-- Hand-written (Prisma's schema language has no partial unique index): a person is a
-- current member of a team once, so two simultaneous "add member" requests cannot both
-- succeed; the roster service turns the violation into a clear conflict.
CREATE UNIQUE INDEX "TeamMember_one_current_membership" ON "TeamMember"("teamId", "personId") WHERE "leftOn" IS NULL;
