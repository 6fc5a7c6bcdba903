/**
 * Candidate segments from a cut of the clientèles' tree: each gets its clientèles and, as a
 * starting point the consultant edits, the needs that at least half of them feel.
 */
import { Segment, Study, emptySegment } from "../method/study";
import { cutTree } from "./cut";
import { ItemOrdering } from "./order-items";
import { tickTable } from "./ticks";

/**
 * K segments named "Segment 1"… in the order of `study` (an ordered study: clientèles and needs
 * listed in their new order); `clienteles` is the ordering of the same study's clientèles.
 */
export function candidateSegments(
  study: Pick<Study, "clienteles" | "needs" | "pairs">,
  clienteles: ItemOrdering,
  k: number
): Segment[] {
  const position = new Map<number, number>();
  clienteles.order.forEach((original, index) => position.set(original, index));
  const { clienteleProfiles } = tickTable(study);
  return cutTree(clienteles.linkage, clienteles.leafOrder, k).map((group, i) => {
    // Leaf → original index → place in the ordered study.
    const members = group.map((leaf) => position.get(clienteles.leaves[leaf]) as number);
    const needs = study.needs
      .filter((_, need) => {
        const feeling = members.filter((c) => clienteleProfiles[c][need]).length;
        return 2 * feeling >= members.length;
      })
      .map((need) => need.name);
    return {
      ...emptySegment(`Segment ${i + 1}`),
      clienteles: members.map((c) => study.clienteles[c].name),
      needs,
    };
  });
}
