"use client";

import { useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import * as Collapsible from "@radix-ui/react-collapsible";
import { Bell, Menu, Search, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SignOutButton } from "./sign-out-button";

export type NavLink = { href: string; label: string };

/** The current section: its own path or any page beneath it ("/" only for itself). */
function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The search box: a plain GET form to /search, so it works by keyboard (type, Enter) and
 * without JavaScript. `id` tells the bar's copy from the menu's.
 */
function SearchForm({ id, className }: { id: string; className?: string }) {
  return (
    <form role="search" method="get" action="/search" className={className}>
      <label htmlFor={id} className="sr-only">
        Search teams, projects and people
      </label>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500" />
        <Input id={id} type="search" name="q" size="sm" placeholder="Search" maxLength={200} className="pl-8" />
      </div>
    </form>
  );
}

/**
 * The signed-in header. From a tablet's width up, the search box and the account buttons sit
 * in the bar with the links in a row beneath; below it, all of them are behind a Menu button
 * (so nothing ever pushes the page sideways on a phone).
 */
export function AppHeader({ links, userName, unreadCount }: { links: readonly NavLink[]; userName: string; unreadCount: number }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const navLinks = () =>
    links.map((link) => (
      <Link
        key={link.href}
        href={link.href}
        aria-current={isCurrent(pathname, link.href) ? "page" : undefined}
        onClick={() => setOpen(false)}
        className="flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-white/90 hover:bg-white/10 hover:text-white aria-[current=page]:bg-white/15 aria-[current=page]:text-white"
      >
        {link.label}
      </Link>
    ));

  return (
    <header className="no-print bg-brand-800 text-white">
      <Collapsible.Root open={open} onOpenChange={setOpen} className="mx-auto max-w-6xl px-4">
        <div className="flex min-h-14 items-center gap-4">
          <Link href="/" className="shrink-0 text-lg font-semibold tracking-tight">
            UBT Tracker
          </Link>
          <SearchForm id="header-search" className="hidden w-full max-w-xs md:block" />
          <div className="ml-auto hidden min-w-0 items-center gap-2 md:flex">
            <NotificationsLink unreadCount={unreadCount} current={isCurrent(pathname, "/notifications")} />
            <Link
              href="/account"
              aria-current={isCurrent(pathname, "/account") ? "page" : undefined}
              className="flex min-h-11 min-w-0 items-center rounded-md px-3 text-sm text-white/90 hover:bg-white/10 hover:text-white aria-[current=page]:bg-white/15"
            >
              <span className="truncate">
                <span className="sr-only">Your account: </span>
                {userName}
              </span>
            </Link>
            <SignOutButton />
          </div>
          {/* On a phone the count stays in the bar, outside the menu. */}
          <div className="ml-auto md:hidden">
            <NotificationsLink unreadCount={unreadCount} current={isCurrent(pathname, "/notifications")} />
          </div>
          <Collapsible.Trigger asChild>
            <Button variant="ghost" className="md:hidden" aria-label={open ? "Close the menu" : "Open the menu"}>
              {open ? <X aria-hidden /> : <Menu aria-hidden />}
              Menu
            </Button>
          </Collapsible.Trigger>
        </div>
        {/* A row of its own: with the search box and the account buttons, the links no longer fit beside them. */}
        <nav aria-label="Main" className="-mx-3 hidden flex-wrap gap-1 pb-2 md:flex">
          {navLinks()}
        </nav>
        <Collapsible.Content className="border-t border-white/15 pb-3 md:hidden">
          <SearchForm id="menu-search" className="mt-3" />
          <nav aria-label="Main" className="mt-2 flex flex-col gap-1">
            {navLinks()}
          </nav>
          <div className="mt-2 flex flex-col gap-1 border-t border-white/15 pt-2">
            <span className="px-3 py-2 text-sm text-white/80">Signed in as {userName}</span>
            <Link href="/account" onClick={() => setOpen(false)} className="flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-white/90 hover:bg-white/10 hover:text-white">
              Your account
            </Link>
            <SignOutButton />
          </div>
        </Collapsible.Content>
      </Collapsible.Root>
    </header>
  );
}

/** The inbox, with its unread count as a badge. */
function NotificationsLink({ unreadCount, current }: { unreadCount: number; current: boolean }) {
  const label = unreadCount === 0 ? "Notifications" : `Notifications, ${unreadCount} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      aria-current={current ? "page" : undefined}
      data-testid="notifications-link"
      className="relative flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-white/90 hover:bg-white/10 hover:text-white aria-[current=page]:bg-white/15"
    >
      <Bell aria-hidden className="size-5" />
      {unreadCount > 0 && (
        <span aria-hidden data-testid="unread-count" className="absolute top-1 right-0.5 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs leading-5 font-semibold text-slate-900">
          {unreadCount > 99 ? "99+" : unreadCount}
        </span>
      )}
    </Link>
  );
}
