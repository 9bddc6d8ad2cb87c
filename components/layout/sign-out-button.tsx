"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

/**
 * Signs out and goes to the sign-in page of the address the person is using: next-auth's
 * own redirect would use NEXTAUTH_URL (localhost) even when they came in on 127.0.0.1
 * or the server's name.
 */
export function SignOutButton() {
  async function signOutHere() {
    await signOut({ redirect: false });
    window.location.assign("/login");
  }
  return (
    <Button variant="ghost" size="md" onClick={signOutHere} className="justify-start">
      <LogOut aria-hidden />
      Sign out
    </Button>
  );
}
