import { LinkUnavailable } from "@/components/sharing/link-unavailable";

export default function SharedCollectionNotFound() {
  return <LinkUnavailable what="collection" />;
}
