import { AppError } from "./app-error";

/** The words for anything that is not a CRM record id, wherever one is refused. */
export function notARecordId(): AppError {
  return new AppError("bad_request", {
    message:
      "That is not a CRM record id. Paste an id such as deal_01KFFFBYJ8FB0H37XY6EZZ1X3K (contact_, deal_, task_, email_ or meeting_ followed by letters and digits), or a link to the record.",
  });
}
