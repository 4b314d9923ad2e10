import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { errorWordsFor } from "@/lib/model/error-vocabulary";

const { title, message } = errorWordsFor("not_found");

/** A workflow id that is malformed, or that LeadLex does not know for this key's workspace. */
export default function WorkflowNotFound() {
  return (
    <div className="mx-auto max-w-xl py-10">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{message}</p>
      <Link href="/" className={buttonVariants({ variant: "primary", className: "mt-6" })}>
        Back to all workflows
      </Link>
    </div>
  );
}
