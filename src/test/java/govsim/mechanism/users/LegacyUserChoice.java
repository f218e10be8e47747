package govsim.mechanism.users;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.synergy.Synergy;
import govsim.world.Firm;
import govsim.world.UserPopulation;
import govsim.world.World;
import java.util.List;

/**
 * The users' phase as it was before the event-driven {@link UserChoice} (issue 18), kept in the
 * test sources only, so that {@code UsersEquivalenceTest} can compare the two implementations'
 * statistics over many seeds. Its body is the earlier {@code UserChoice} unchanged but for the two
 * generators: attention clocks from {@code attention}, everything else from {@code choice} (with
 * one generator passed as both, it makes exactly the draws the earlier implementation made).
 *
 * <p>M4 — users: choice, switching, attention and the many eyes (MODEL.md §4 M4; paper §2.1,
 * §3.1.5).
 *
 * <p>Each step, in one pass over primitive arrays, a user whose provider had incidents notices them
 * with a probability built from the incidents' visibilities and her information capability,
 * complains (voice) and reconsiders; independently, a user reconsiders when her attention clock
 * fires (a geometric waiting time with her per-step attention probability, redrawn after each
 * firing). A user reconsiders at most once a step, so she reconsiders with probability {@code
 * p_notice + (1 - p_notice) * p_attention}, as if a coin were tossed for each. A reconsidering user
 * picks provider k among those licensed in her jurisdiction with probability proportional to {@code
 * exp(beta * (V_k - s * [k != current]))} (logit random utility net of switching cost), and moves
 * at once. Utilities are those of the start of the step. On a quiet step the loop only compares
 * integers; random draws are spent where something happens.
 */
public final class LegacyUserChoice implements UsersPhase {
  private final UserParams p;
  private final int jurisdictions;

  /** Notice probability per (firm, jurisdiction, weak). */
  private final double[] noticeP;

  /** Whether (firm, jurisdiction) is an open provider for users there. */
  private final boolean[] open;

  private final double[] weight;
  private final int[][] jurFirms;
  private final double[][] jurCum;
  private final int[] jurCount;
  private final int[][] posInJur;
  private final int[] complaints;

  /**
   * Information capability per jurisdiction of ordinary and of information-weak users (this step).
   */
  private final double[] capStrong;

  private final double[] capWeak;

  public LegacyUserChoice(UserParams p, int firmCapacity, int jurisdictions) {
    this.p = p;
    this.jurisdictions = jurisdictions;
    this.noticeP = new double[firmCapacity * jurisdictions * 2];
    this.open = new boolean[firmCapacity * jurisdictions];
    this.weight = new double[firmCapacity];
    this.jurFirms = new int[jurisdictions][firmCapacity];
    this.jurCum = new double[jurisdictions][firmCapacity];
    this.jurCount = new int[jurisdictions];
    this.posInJur = new int[jurisdictions][firmCapacity];
    this.complaints = new int[firmCapacity];
    this.capStrong = new double[jurisdictions];
    this.capWeak = new double[jurisdictions];
  }

  private double utility(Firm f) {
    return UserChoice.utility(p, f);
  }

  private static double noticeProbability(Firm f, double cap) {
    return UserChoice.noticeProbability(f, cap);
  }

  /**
   * Places each user at a uniformly random provider licensed in her jurisdiction. A jurisdiction
   * where no firm is licensed (one firm and several jurisdictions, or no firm serving abroad) is a
   * legitimate policy case: its users start {@link UserPopulation#UNSERVED} (no provider, no draw
   * spent) and join a provider when one is licensed there and their attention clock fires.
   */
  @Override
  public void assignInitial(World w, MersenneTwisterFast rng, MersenneTwisterFast multiHoming) {
    prepareChoiceSets(w);
    UserPopulation u = w.users;
    for (int i = 0; i < u.size; i++) {
      int j = u.jurisdictionOf(i);
      if (jurCount[j] == 0) {
        u.firm[i] = UserPopulation.UNSERVED;
        u.unserved++;
        continue;
      }
      int f = jurFirms[j][rng.nextInt(jurCount[j])];
      u.firm[i] = f;
      Firm firm = w.firms.get(f);
      firm.users++;
      firm.weakUsers += u.weak[i];
    }
  }

  /**
   * One step of all users, who notice harms with their information capability as each
   * jurisdiction's transparency mandate and protection of vulnerable users leave it (M11).
   */
  @Override
  public void step(
      World w, MersenneTwisterFast attention, MersenneTwisterFast rng, Synergy synergy) {
    synergy.noticeCapabilities(w, p.infoCapabilityStrong(), false, capStrong);
    synergy.noticeCapabilities(w, p.infoCapabilityWeak(), true, capWeak);
    step(w, attention, rng, capStrong, capWeak);
  }

  /**
   * One step of all users.
   *
   * @param capStrong information capability of ordinary users per jurisdiction (after M11)
   * @param capWeak information capability of information-weak users per jurisdiction (after M11)
   */
  public void step(
      World w,
      MersenneTwisterFast clock,
      MersenneTwisterFast rng,
      double[] capStrong,
      double[] capWeak) {
    List<Firm> firms = w.firms;
    int nf = firms.size();
    int nj = jurisdictions;
    for (int f = 0; f < nf; f++) {
      Firm firm = firms.get(f);
      firm.usersAtStepStart = firm.users;
      complaints[f] = 0;
      for (int j = 0; j < nj; j++) {
        int base = (f * nj + j) * 2;
        if (firm.active && firm.stepIncidents > 0) {
          noticeP[base] = noticeProbability(firm, capStrong[j]);
          noticeP[base + 1] = noticeProbability(firm, capWeak[j]);
        } else {
          noticeP[base] = 0.0;
          noticeP[base + 1] = 0.0;
        }
      }
    }
    prepareChoiceSets(w);

    UserPopulation u = w.users;
    final int[] firmOf = u.firm;
    final float[] attention = u.attention;
    final byte[] weak = u.weak;
    final byte[] jur = u.jurisdiction;
    final double voice = p.voicePropensity();
    final double beta = p.choiceIntensity();
    final int[] nextAttention = u.nextAttentionStep;
    final int step = (int) w.step;
    int switches = 0;
    for (int i = 0, n = u.size; i < n; i++) {
      int f = firmOf[i];
      int j = jur == null ? 0 : jur[i];
      if (f == UserPopulation.UNSERVED) {
        // No provider yet: she looks when her attention clock fires and joins one if there is one.
        if (nextAttention[i] == step) {
          nextAttention[i] = step + UserChoice.attentionGap(clock, u.attentionOf(i));
          if (jurCount[j] > 0) join(w, i, j, rng.nextDouble());
        }
        continue;
      }
      int cell = f * nj + j;
      if (!open[cell]) {
        switches += forcedMove(w, i, f, j, rng);
        // The attention clock keeps running for a user moved by force.
        if (nextAttention[i] == step)
          nextAttention[i] = step + UserChoice.attentionGap(clock, u.attentionOf(i));
        continue;
      }
      boolean reconsider = false;
      boolean noticed = false;
      double pn = noticeP[cell * 2 + weak[i]];
      if (pn > 0.0 && (rng.nextInt() >>> 1) * 0x1.0p-31 < pn) {
        if (voice >= 1.0 || rng.nextDouble() < voice) complaints[f]++;
        reconsider = true;
        noticed = true;
      }
      if (nextAttention[i] == step) {
        reconsider = true;
        nextAttention[i] = step + UserChoice.attentionGap(clock, u.attentionOf(i));
      }
      if (reconsider) {
        int k = choose(j, f, u.switchingCost[i], beta, rng.nextDouble());
        if (k != f) {
          move(w, i, f, k);
          switches++;
          // The churn its provider sees follow its harm (Firm.noticedLoss), as UserChoice counts.
          if (noticed) firms.get(f).noticedLoss += 1.0;
        }
      }
    }
    for (int f = 0; f < nf; f++) {
      firms.get(f).complaints = complaints[f];
      w.tally.complaints += complaints[f];
    }
    w.tally.switches += switches;
  }

  /**
   * Logit choice with switching cost from one uniform draw x: stay with weight w_f, or move to k !=
   * f with weight w_k * exp(-beta * s).
   */
  int choose(int j, int f, double switchingCost, double beta, double x) {
    int n = jurCount[j];
    double[] cum = jurCum[j];
    double total = cum[n - 1];
    double wf = weight[f];
    double discount = Math.exp(-beta * switchingCost);
    double others = total - wf;
    double stay = wf / (wf + discount * others);
    if (x < stay || others <= 0) return f;
    double target = (x - stay) / (1.0 - stay) * others;
    int pos = posInJur[j][f];
    double before = pos == 0 ? 0.0 : cum[pos - 1];
    if (target >= before) target += wf;
    int k = search(cum, n, target);
    return jurFirms[j][k];
  }

  private int forcedMove(World w, int i, int f, int j, MersenneTwisterFast rng) {
    int n = jurCount[j];
    if (n == 0) return 0;
    double target = rng.nextDouble() * jurCum[j][n - 1];
    int k = jurFirms[j][search(jurCum[j], n, target)];
    if (k == f) return 0;
    move(w, i, f, k);
    return 1;
  }

  /** An unserved user joins provider k with probability proportional to its choice weight. */
  private void join(World w, int i, int j, double x) {
    int n = jurCount[j];
    int k = jurFirms[j][search(jurCum[j], n, x * jurCum[j][n - 1])];
    UserPopulation u = w.users;
    u.firm[i] = k;
    u.unserved--;
    Firm b = w.firms.get(k);
    b.users++;
    b.weakUsers += u.weak[i];
  }

  private static int search(double[] cum, int n, double target) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private static void move(World w, int i, int from, int to) {
    UserPopulation u = w.users;
    u.firm[i] = to;
    Firm a = w.firms.get(from);
    Firm b = w.firms.get(to);
    a.users--;
    b.users++;
    if (u.weak[i] != 0) {
      a.weakUsers--;
      b.weakUsers++;
    }
  }

  /** Builds, per jurisdiction, the licensed providers and their cumulative choice weights. */
  private void prepareChoiceSets(World w) {
    List<Firm> firms = w.firms;
    int nf = firms.size();
    double beta = p.choiceIntensity();
    double vmax = Double.NEGATIVE_INFINITY;
    for (int f = 0; f < nf; f++) {
      Firm firm = firms.get(f);
      weight[f] = firm.active ? utility(firm) : Double.NEGATIVE_INFINITY;
      vmax = Math.max(vmax, weight[f]);
    }
    for (int f = 0; f < nf; f++)
      weight[f] = firms.get(f).active ? Math.exp(beta * (weight[f] - vmax)) : 0.0;
    for (int j = 0; j < jurisdictions; j++) {
      int n = 0;
      double acc = 0.0;
      for (int f = 0; f < nf; f++) {
        Firm firm = firms.get(f);
        boolean isOpen = firm.active && firm.serves(j);
        open[f * jurisdictions + j] = isOpen;
        if (!isOpen) continue;
        acc += weight[f];
        jurFirms[j][n] = f;
        jurCum[j][n] = acc;
        posInJur[j][f] = n;
        n++;
      }
      jurCount[j] = n;
    }
  }
}
