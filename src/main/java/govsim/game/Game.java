package govsim.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evolutionary game, validated and with its payoffs evaluated: populations, player slots, the
 * payoff to every slot for every strategy profile, selection intensity and mutation rate.
 *
 * <p>Profiles are numbered in mixed radix over the slots, the last slot fastest: with slots (firms,
 * firms) and strategies (AS, AU), profile 0 is (AS, AS), 1 (AS, AU), 2 (AU, AS), 3 (AU, AU).
 * Strategies are numbered per population in the order the file lists them.
 */
public final class Game {
  /** One population: its name, size Z and strategy names. */
  public record Population(String name, int size, List<String> strategies) {
    public Population {
      strategies = List.copyOf(strategies);
      if (size < 2)
        throw new IllegalArgumentException("population " + name + " needs at least 2 individuals");
      if (strategies.size() < 2)
        throw new IllegalArgumentException("population " + name + " needs at least 2 strategies");
    }

    public int strategyCount() {
      return strategies.size();
    }
  }

  /**
   * The agent-based settings: master seed, replications, imitation events, burn-in, recording
   * interval.
   */
  public record Simulation(long seed, int seeds, long updates, long burnIn, long recordEvery) {
    public Simulation {
      if (seeds < 1) throw new IllegalArgumentException("seeds must be at least 1");
      if (updates < 1 || burnIn < 0 || burnIn >= updates)
        throw new IllegalArgumentException("need 0 <= burn_in < updates");
      if (recordEvery < 1) throw new IllegalArgumentException("record_every must be at least 1");
    }
  }

  private final String name;
  private final List<Population> populations;
  private final int[] slots;
  private final Map<String, Double> parameters;
  private final double[][] payoffs;
  private final double beta;
  private final double mu;
  private final Simulation simulation;
  private final int[] radix;
  private final int profiles;

  /**
   * @param slots the population of each slot
   * @param payoffs payoff[profile][slot], profiles in the order described above
   * @param beta selection intensity, at least 0
   * @param mu mutation rate in [0, 1]
   */
  public Game(
      String name,
      List<Population> populations,
      int[] slots,
      Map<String, Double> parameters,
      double[][] payoffs,
      double beta,
      double mu,
      Simulation simulation) {
    this.name = name;
    this.populations = List.copyOf(populations);
    this.slots = slots.clone();
    this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    if (!(beta >= 0) || Double.isInfinite(beta))
      throw new IllegalArgumentException("selection intensity must be a finite number >= 0");
    if (!(mu >= 0 && mu <= 1))
      throw new IllegalArgumentException("mutation rate must be in [0, 1]");
    this.beta = beta;
    this.mu = mu;
    this.simulation = simulation;
    if (this.slots.length < 1) throw new IllegalArgumentException("a game needs at least one slot");
    int[] perPop = new int[this.populations.size()];
    for (int p : this.slots) {
      if (p < 0 || p >= perPop.length)
        throw new IllegalArgumentException("slot population out of range");
      perPop[p]++;
    }
    for (int p = 0; p < perPop.length; p++) {
      if (perPop[p] == 0)
        throw new IllegalArgumentException(
            "population " + this.populations.get(p).name() + " fills no slot");
      if (perPop[p] > this.populations.get(p).size()) {
        throw new IllegalArgumentException(
            "population " + this.populations.get(p).name() + " is smaller than its slots");
      }
    }
    radix = new int[this.slots.length];
    int r = 1;
    for (int s = this.slots.length - 1; s >= 0; s--) {
      radix[s] = r;
      r *= this.populations.get(this.slots[s]).strategyCount();
    }
    profiles = r;
    if (payoffs.length != profiles)
      throw new IllegalArgumentException("need one payoff row per profile");
    this.payoffs = new double[profiles][];
    for (int f = 0; f < profiles; f++) {
      if (payoffs[f].length != this.slots.length)
        throw new IllegalArgumentException("need one payoff per slot");
      for (double v : payoffs[f])
        if (!Double.isFinite(v)) throw new IllegalArgumentException("payoffs must be finite");
      this.payoffs[f] = payoffs[f].clone();
    }
  }

  public String name() {
    return name;
  }

  public List<Population> populations() {
    return populations;
  }

  public int populationCount() {
    return populations.size();
  }

  public Population population(int p) {
    return populations.get(p);
  }

  public int slotCount() {
    return slots.length;
  }

  /** The population slot {@code s} is drawn from. */
  public int slotPopulation(int s) {
    return slots[s];
  }

  public Map<String, Double> parameters() {
    return parameters;
  }

  /** Selection intensity β of the Fermi rule. */
  public double beta() {
    return beta;
  }

  /** Probability that a revising individual mutates instead of imitating. */
  public double mutationRate() {
    return mu;
  }

  public Simulation simulation() {
    return simulation;
  }

  public int profileCount() {
    return profiles;
  }

  /** The payoff to slot {@code s} in profile {@code f}. */
  public double payoff(int f, int s) {
    return payoffs[f][s];
  }

  /** The strategy slot {@code s} plays in profile {@code f}. */
  public int strategyAt(int f, int s) {
    int pop = slots[s];
    return (f / radix[s]) % populations.get(pop).strategyCount();
  }

  /** "AS AU": the strategies of a profile in slot order. */
  public String profileName(int f) {
    List<String> parts = new ArrayList<>();
    for (int s = 0; s < slots.length; s++)
      parts.add(populations.get(slots[s]).strategies().get(strategyAt(f, s)));
    return String.join(" ", parts);
  }

  /** How many slots population {@code p} fills. */
  public int slotsOf(int p) {
    int n = 0;
    for (int q : slots) if (q == p) n++;
    return n;
  }

  /** The same game with other agent-based settings. */
  public Game withSimulation(Simulation s) {
    return new Game(name, populations, slots, parameters, payoffs, beta, mu, s);
  }

  @Override
  public String toString() {
    return name + " " + populations + " slots " + Arrays.toString(slots);
  }
}
