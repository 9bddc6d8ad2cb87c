import { NotPermitted } from "@/components/ui/not-permitted";

export default function Forbidden() {
  return <NotPermitted what="Administration" action="admin.manage" />;
}
