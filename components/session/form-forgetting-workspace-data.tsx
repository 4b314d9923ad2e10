"use client";

import type { ReactNode } from "react";
import { useForgetWorkspaceData } from "./use-forget-workspace-data";

interface FormForgettingWorkspaceDataProps {
  action: (formData: FormData) => Promise<void>;
  children: ReactNode;
  className?: string;
}

/**
 * A Server Action form that changes the key pages are fetched with (switch, remove, sign out).
 * Posted without JavaScript it works as it is; with JavaScript the browser first forgets what the
 * old key fetched. The only client code of the header's session menus, which are otherwise drawn
 * on the server.
 */
export function FormForgettingWorkspaceData({
  action,
  children,
  className,
}: FormForgettingWorkspaceDataProps) {
  const forgetWorkspaceData = useForgetWorkspaceData();
  return (
    <form action={action} className={className} onSubmit={forgetWorkspaceData}>
      {children}
    </form>
  );
}
