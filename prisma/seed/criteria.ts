/**
 * The Path to Performance criteria set, version 1: seven dimensions × five
 * levels. Every criterion published in DOMAIN.md is here in its dimension and
 * level; the other cells are written to fit the level descriptions. The 2015
 * national agreement added health and safety and new level-5 challenges
 * (marked "2015" below).
 */
import type { Dimension } from "@/lib/generated/prisma/enums";

export const CRITERIA_SET_V1 = {
  version: 1,
  name: "Path to Performance — 2015 national agreement",
} as const;

/** Criteria per level, level 1 first; each level lists 1–3 criteria. */
type CriteriaByLevel = readonly [readonly string[], readonly string[], readonly string[], readonly string[], readonly string[]];

export const PATH_TO_PERFORMANCE_CRITERIA: Record<Dimension, CriteriaByLevel> = {
  SPONSORSHIP: [
    ["Union and management sponsors are named for the team"],
    ["Sponsors have completed sponsor training", "A team charter is completed and agreed with the sponsors"],
    [
      "Sponsors are in regular contact with the co-leads, at least monthly",
      "Sponsors review the team's progress with the co-leads every quarter",
    ],
    [
      "Sponsors remove barriers the team cannot resolve on its own",
      "Sponsors align the team's goals with facility and regional goals",
    ],
    [
      "Sponsors share the team's results and practices with other teams and leaders",
      "Sponsors hold the team accountable for sustaining its results",
    ],
  ],
  LEADERSHIP: [
    ["At least one management and one labor co-lead, each chosen by their own side"],
    ["Co-leads have completed co-lead training", "Co-leads plan every team meeting together"],
    [
      "Co-leads share the facilitation of team meetings",
      "Co-leads keep members who miss meetings informed of the team's work",
    ],
    [
      "Co-leads are jointly accountable for the team's performance",
      "Either co-lead can run a team meeting alone",
      "A health and safety champion is active on the team", // 2015
    ],
    [
      "The team is self-managed: members take turns leading meetings and projects",
      "Co-leads mentor the co-leads of other teams",
    ],
  ],
  TRAINING: [
    ["Co-leads understand what a unit-based team is and what is expected of it"],
    [
      "Team members have completed partnership orientation and UBT team member training",
      "The team is trained in interest-based problem solving and consensus decision making",
      "The team is trained in the Rapid Improvement Model",
    ],
    [
      "Team members are trained in data analysis and reading run charts",
      "The team is trained in business literacy: budgets, costs and the unit's finances",
    ],
    [
      "Team members are trained in workplace safety and hazard identification", // 2015
      "Several team members can lead a test of change without help",
    ],
    [
      "The team is trained in advanced improvement methods (value stream mapping, Lean)",
      "Team members teach improvement skills to new members and to other teams",
    ],
  ],
  TEAM_PROCESS: [
    ["The team has started to meet"],
    ["The team meets at least monthly, with an agenda and minutes", "Decisions are made by consensus"],
    [
      "Most team members attend or review every meeting",
      "The team tracks its work on a huddle board or similar visual display",
    ],
    [
      "Meetings follow ground rules the team agreed",
      "The team reviews performance and safety data at every meeting", // 2015
    ],
    [
      "Annotated run charts track and explain the team's results",
      "Direct voice-of-customer input shapes the team's work",
      "The team spreads or adopts a successful practice", // 2015
    ],
  ],
  TEAM_MEMBER_ENGAGEMENT: [
    ["Team members have been told about the unit-based team and its purpose"],
    ["Team members are invited to suggest improvement ideas", "Team members helped draft the team charter"],
    [
      "Most team members take part in at least one improvement project",
      "Team members raise safety concerns through the team", // 2015
    ],
    [
      "Front-line team members lead improvement projects",
      "Engagement survey scores improve or stay high",
    ],
    [
      "Every team member takes part in improvement work",
      "Team members present the team's work at regional or national events",
    ],
  ],
  USE_OF_TOOLS: [
    ["The team knows the steps of the Rapid Improvement Model"],
    ["The team has set a measurable, time-bound aim for its first project", "The team has started a test of change"],
    ["At least two tests-of-change cycles completed", "The team's work is recorded in the UBT tracker"],
    [
      "Three or more tests-of-change cycles completed",
      "Every project and cycle is documented in the tracker at least every 90 days",
    ],
    [
      "Sophisticated tools (process maps, value stream maps, control charts) are in regular use",
      "Run charts show improvement sustained over time",
    ],
  ],
  GOALS_AND_PERFORMANCE: [
    ["The team knows the Value Compass"],
    [
      "The team has at least one goal aligned with the Value Compass",
      "The team knows its unit's key performance measures",
    ],
    [
      "Improvements are being made against the team's goals",
      "The team has a workplace safety goal", // 2015
    ],
    [
      "A number of improvement projects have been completed successfully",
      "The team meets its targets on at least two points of the Value Compass",
    ],
    [
      "Improvement sustained against targets for at least three quarters",
      "Targets met across all four points of the Value Compass",
    ],
  ],
};
