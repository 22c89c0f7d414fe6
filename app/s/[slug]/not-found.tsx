import { LinkUnavailable } from "@/components/sharing/link-unavailable";

export default function SharedResultNotFound() {
  return <LinkUnavailable what="result" />;
}
