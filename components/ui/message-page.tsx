import { cva, type VariantProps } from "class-variance-authority";
import { TextLink } from "./text-link";

const messageVariants = cva("rounded-lg border p-6", {
  variants: { tone: { neutral: "border-slate-200 bg-white text-slate-800", warning: "border-amber-200 bg-amber-50 text-amber-900" } },
  defaultVariants: { tone: "neutral" },
});

/**
 * The body of a page that answers instead of showing a record: not found, not permitted,
 * something went wrong. A heading, what happened, and the way on (a link home by default).
 */
export function MessagePage({
  title,
  tone,
  children,
  action = <TextLink href="/">Back to your home page</TextLink>,
}: {
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
} & VariantProps<typeof messageVariants>) {
  return (
    <section aria-labelledby="message-title" className={messageVariants({ tone })}>
      <h1 id="message-title" className="text-xl font-semibold">
        {title}
      </h1>
      <div className="mt-2 space-y-2">{children}</div>
      <div className="mt-4 font-medium">{action}</div>
    </section>
  );
}
