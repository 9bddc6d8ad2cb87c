import { describeUrlProblem, type UrlProblem } from "@/lib/validation/url-filters";
import { Notice } from "./notice";

/** Says which URL values were not understood, naming each, and what is shown instead. */
export function UrlProblems({ problems, instead }: { problems: readonly UrlProblem[]; instead?: string }) {
  if (problems.length === 0) return null;
  return (
    <Notice tone="warning" data-testid="url-problems">
      {problems.map((problem) => (
        <span key={problem.name} className="block">
          {describeUrlProblem(problem)}
        </span>
      ))}
      {instead && <span className="block">{instead}</span>}
    </Notice>
  );
}
