/**
 * The order in which the bench measures several targets: one turn of each per round, the first
 * turn moving along by one each round (A B C, B C A, C A B, …). Whatever else the machine does
 * lands on all targets alike, and no target always goes first after another's load.
 */
export function* interleaved(
  rounds: number,
  count: number,
): Generator<{ round: number; index: number }> {
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < count; turn++) yield { round, index: (round + turn) % count };
  }
}
