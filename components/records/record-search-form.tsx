import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/class-names";
import { fieldClass } from "@/components/ui/field-class";

interface RecordSearchFormProps {
  /** Unique on the page: the header's form and a page's own can both be there. */
  inputId: string;
  /** What was typed, kept when it could not be read. */
  defaultValue?: string;
  className?: string;
  inputClassName?: string;
}

/**
 * "Find a record": a plain GET form to `/records?id=…`, which reads the id or link on the server
 * and redirects to the record's page. No client JavaScript, so it costs the budgeted pages nothing
 * and works before hydration.
 */
export function RecordSearchForm({
  inputId,
  defaultValue,
  className,
  inputClassName,
}: RecordSearchFormProps) {
  return (
    <form
      method="get"
      action="/records"
      role="search"
      aria-label="Find a CRM record"
      className={cn("flex gap-2", className)}
    >
      <label htmlFor={inputId} className="sr-only">
        Find a CRM record by id or link
      </label>
      <input
        id={inputId}
        name="id"
        type="search"
        defaultValue={defaultValue}
        placeholder="Record id or link"
        autoComplete="off"
        spellCheck={false}
        maxLength={2_000}
        className={cn(fieldClass, "min-w-0 px-2", inputClassName)}
      />
      <button type="submit" className={buttonVariants({ variant: "secondary" })}>
        Find
      </button>
    </form>
  );
}
