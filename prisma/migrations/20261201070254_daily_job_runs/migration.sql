-- CreateTable
CREATE TABLE "DailyJobRun" (
    "job" VARCHAR(40) NOT NULL,
    "day" DATE NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailyJobRun_pkey" PRIMARY KEY ("job","day")
);
