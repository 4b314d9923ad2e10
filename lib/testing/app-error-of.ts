import { expect } from "vitest";
import { AppError } from "@/lib/model/app-error";

/** The AppError a call rejects with; fails the test when it resolves or rejects otherwise. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected the call to fail");
}
