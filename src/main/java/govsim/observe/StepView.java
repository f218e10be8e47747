package govsim.observe;

import govsim.model.ModelSpec;
import govsim.world.StepTally;
import govsim.world.World;

/**
 * What a step metric reads: the world after the step, its tally, the scenario and the run's
 * cumulative tallies since step 0. {@link StepMetrics} advances it once per step, before the
 * metrics are evaluated.
 */
public final class StepView implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final ModelSpec spec;
  private World world;
  private double harmCum;
  private double severeCum;
  private double maliciousCum;
  private double weakCum;

  public StepView(ModelSpec spec) {
    this.spec = spec;
  }

  /** Takes the world after its next step and adds the step's tally to the cumulative ones. */
  public void advance(World w) {
    world = w;
    StepTally t = w.tally;
    harmCum += t.harm;
    severeCum += t.harmSevere;
    maliciousCum += t.harmMalicious;
    weakCum += t.harmWeak;
  }

  public World world() {
    return world;
  }

  public StepTally tally() {
    return world.tally;
  }

  public ModelSpec spec() {
    return spec;
  }

  /** Users in the world. */
  public int users() {
    return world.users.size;
  }

  /**
   * Users who have a provider: all of them unless a jurisdiction has no licensed firm (its users
   * are unserved). Shares of the market (hhi, trust_mean, compliance_rate, mitigation_rate) are of
   * these users; harm and welfare stay per 1,000 users of the whole population.
   */
  public int servedUsers() {
    return world.users.size - world.users.unserved;
  }

  /** The factor from a count over all users to a count per 1,000 users. */
  public double per1000() {
    return 1000.0 / world.users.size;
  }

  /**
   * Harm since step 0 (raw, not per 1,000 users), and its severe, malicious and information-weak
   * parts.
   */
  public double harmCum() {
    return harmCum;
  }

  public double severeCum() {
    return severeCum;
  }

  public double maliciousCum() {
    return maliciousCum;
  }

  public double weakCum() {
    return weakCum;
  }
}
