import { describeUrlProblem, type UrlProblem } from "@/lib/validation/url-filters";
import { Notice } from "./notice";

/**
 * Says which URL values were not understood, naming each, and what is shown instead:
 * the parser's `problems`, or `messages` a page has already worded (a fallback it chose).
 */
export function UrlProblems({ problems = [], messages = [], instead }: { problems?: readonly UrlProblem[]; messages?: readonly string[]; instead?: string }) {
  const lines = [...problems.map((problem) => describeUrlProblem(problem)), ...messages];
  if (lines.length === 0) return null;
  return (
    <Notice tone="warning" data-testid="url-problems">
      {lines.map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
      {instead && <span className="block">{instead}</span>}
    </Notice>
  );
}
