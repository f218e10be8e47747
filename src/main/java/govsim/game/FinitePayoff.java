package govsim.game;

/**
 * The expected payoff of one individual in finite populations, co-players sampled without
 * replacement (issue 14 item 2).
 *
 * <p>The focal individual of population p takes each of p's slots with equal probability; the
 * game's other slots are filled by distinct individuals drawn at random without replacement: p's
 * other slots from the Z_p − 1 other members of p, each other population's slots from all of its
 * Z_q members. With two slots from one population and two strategies present this is the familiar
 * f_i(k) = [(k − 1)·π(i,i) + (Z − k)·π(i,j)] / (Z − 1) for a focal i among k i-players; with more
 * slots it is the (multivariate) hypergeometric average over the co-players' strategies; a
 * population that is monomorphic gives its strategy to every slot it fills.
 *
 * <p>One instance owns its scratch arrays and is not shared between threads; {@link #of} does not
 * allocate (it is called in the agent-based loop whenever the state changes).
 */
final class FinitePayoff {
  private final int slots;
  private final int profiles;
  private final int[] slotPop;
  private final int[] size;
  private final int[][] strat; // [profile][slot]
  private final double[][] pay; // [profile][slot]
  private final int[][] ownSlots; // [population] -> its slots
  private final int[][] drawn; // scratch [population][strategy]
  private final int[] drawnTotal; // scratch [population]

  FinitePayoff(Game g) {
    slots = g.slotCount();
    profiles = g.profileCount();
    int populations = g.populationCount();
    slotPop = new int[slots];
    for (int s = 0; s < slots; s++) slotPop[s] = g.slotPopulation(s);
    size = new int[populations];
    drawn = new int[populations][];
    ownSlots = new int[populations][];
    for (int p = 0; p < populations; p++) {
      size[p] = g.population(p).size();
      drawn[p] = new int[g.population(p).strategyCount()];
      ownSlots[p] = new int[g.slotsOf(p)];
      int j = 0;
      for (int s = 0; s < slots; s++) if (slotPop[s] == p) ownSlots[p][j++] = s;
    }
    drawnTotal = new int[populations];
    strat = new int[profiles][slots];
    pay = new double[profiles][slots];
    for (int f = 0; f < profiles; f++) {
      for (int s = 0; s < slots; s++) {
        strat[f][s] = g.strategyAt(f, s);
        pay[f][s] = g.payoff(f, s);
      }
    }
  }

  /**
   * The expected payoff of an individual of population {@code p} playing {@code i}.
   *
   * @param n n[q][x] = how many members of population q play x, the focal individual included (so
   *     n[p][i] ≥ 1)
   */
  double of(int p, int i, int[][] n) {
    double total = 0;
    int[] own = ownSlots[p];
    for (int s0 : own) {
      for (int f = 0; f < profiles; f++) {
        if (strat[f][s0] != i) continue;
        // Probability that the co-players drawn slot by slot are exactly this profile's.
        double prob = 1;
        int s = 0;
        for (; s < slots; s++) {
          if (s == s0) continue;
          int q = slotPop[s];
          int x = strat[f][s];
          int avail = n[q][x] - (q == p && x == i ? 1 : 0) - drawn[q][x];
          if (avail <= 0) {
            prob = 0;
            break;
          }
          int pool = size[q] - (q == p ? 1 : 0) - drawnTotal[q];
          prob *= (double) avail / pool;
          drawn[q][x]++;
          drawnTotal[q]++;
        }
        // Undo the draws made (slots before the one that stopped the walk).
        for (int t = 0; t < s && t < slots; t++) {
          if (t == s0) continue;
          drawn[slotPop[t]][strat[f][t]]--;
          drawnTotal[slotPop[t]]--;
        }
        if (prob > 0) total += prob * pay[f][s0];
      }
    }
    return total / own.length;
  }
}
