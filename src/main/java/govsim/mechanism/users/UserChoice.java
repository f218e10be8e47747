package govsim.mechanism.users;

import ec.util.MersenneTwisterFast;
import govsim.mechanism.synergy.Synergy;
import govsim.world.Firm;
import govsim.world.UserPopulation;
import govsim.world.World;
import java.util.Arrays;
import java.util.List;

/**
 * M4 — users: choice, switching, attention and the many eyes (MODEL.md §4 M4; paper §2.1, §3.1.5).
 *
 * <p>Each step, a user whose provider had incidents notices them with a probability built from the
 * incidents' visibilities and her information capability, complains (voice) and reconsiders
 * (users.noticing_response immediate) or, with noticing_response attention, reconsiders with the
 * chance that her attention clock would fire while she remembers the harm ({@link #actOnNotice});
 * independently, a user reconsiders when her attention clock fires (a geometric waiting time with
 * her per-step attention probability, redrawn after each firing). A user reconsiders at most once a
 * step, so she reconsiders with probability {@code p_notice + (1 - p_notice) * p_attention}, as if
 * a coin were tossed for each. A reconsidering user picks provider k among those licensed in her
 * jurisdiction with probability proportional to {@code exp(beta * (V_k - s * [k != current]))}
 * (logit random utility net of switching cost), and moves at once. A user whose provider exited or
 * lost its license in her jurisdiction moves by force to a licensed one, with probability
 * proportional to the providers' choice weights. Utilities are those of the start of the step.
 *
 * <p>The phase is event-driven (issue 18): its work grows with the users who act, not with the
 * population. Attention clocks sit in a calendar of due steps (a ring of buckets, each an intrusive
 * singly linked list of users, with an overflow list for clocks due beyond the ring), so the users
 * whose clock fires are popped in O(1) each; each provider's users are an intrusive doubly linked
 * list, so the users of a firm with incidents, or of a firm that lost a license, are visited
 * without scanning the population and a move costs O(1). A step visits the users of firms with
 * incidents, the users of closed (firm, jurisdiction) cells, and the users whose clock fires; no
 * one else costs anything. Every user acts on the state of the start of the step and at most once,
 * so the order in which they are visited does not change the model (only which draws go where). The
 * step allocates nothing.
 *
 * <p>The index (calendar and lists) is derived from the population's arrays ({@link
 * UserPopulation#firm}, {@link UserPopulation#nextAttentionStep}): it is built by {@link
 * #assignInitial}, rebuilt by itself when the phase is handed another world or a step that does not
 * follow the previous one, and by {@link #reindex} after those arrays were changed from outside.
 *
 * <p>Multi-homing (issue 12.3; users 0 .. {@link UserPopulation#multiHomers} - 1): a multi-homer
 * holds up to k providers with usage shares. She is listed, like everyone, among the users of her
 * main provider (the one she uses most), whose incidents she notices and to which she complains;
 * her further providers cost nothing in the index. Reconsidering, she picks a provider with the
 * same logit, without switching cost for the providers she already holds, and moves usage to it
 * from a source: the provider whose incident she noticed, or, when her attention clock fires, the
 * least attractive one she holds. To a provider she holds, or into a free slot, she moves the share
 * {@code users.usage_shift_share} of the source's usage; with every slot taken, the new provider
 * replaces the source with all of its usage. A provider that exits or loses its license in her
 * jurisdiction hands its usage to her other providers there in proportion to their usage (or, if
 * she has none left, she moves by force like anyone). Single-homing users never reach this code.
 */
public final class UserChoice implements UsersPhase, java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Buckets in the calendar's ring: clocks due within this many steps go straight to a bucket. */
  static final int RING = 1 << 12;

  /** A clock due at or after this step never fires (an attention probability of 0). */
  static final int NEVER = Integer.MAX_VALUE / 2;

  private static final int NONE = -1;

  private final UserParams p;
  private final int jurisdictions;

  /** Usage share a multi-homer moves from the source (users.usage_shift_share). */
  private final float shift;

  /** Multi-homers who hold each (firm, jurisdiction) cell as a further (not main) provider. */
  private final int[] secondaryHolders;

  /** Scratch: a multi-homer's held providers' positions in her jurisdiction's list. */
  private final int[] heldPos = new int[8];

  /** Notice probability per (firm, jurisdiction, weak). */
  private final double[] noticeP;

  /** Whether (firm, jurisdiction) is an open provider for users there. */
  private final boolean[] open;

  private final double[] weight;
  private final int[][] jurFirms;
  private final double[][] jurCum;
  private final int[] jurCount;
  private final int[][] posInJur;

  /**
   * A bucket index over each jurisdiction's cumulative weights (rebuilt with them each step): a
   * target t falls in bucket (int) (t * jurScale[j]), and jurStart[j][b] is the search's answer at
   * the bucket's lower edge, so {@link #locate} scans from there (a step or two) instead of running
   * the whole binary search.
   */
  private final int[][] jurStart;

  private final double[] jurScale;

  private final int[] jurBuckets;
  private final int[] complaints;

  /**
   * Information capability per jurisdiction of ordinary and of information-weak users (this step).
   */
  private final double[] capStrong;

  private final double[] capWeak;

  // The event index. A class is (firm, jurisdiction, weak): c = (f * jurisdictions + j) * 2 + weak,
  // the index of noticeP; its users notice with one probability.
  /** The users of each class (null while it never had one), in [0, memberCount[c]). */
  private final int[][] members;

  private final int[] memberCount;

  /** Users of each class at the start of the phase (for the classes of firms with incidents). */
  private final int[] startCount;

  private final int[] bucketHead = new int[RING];

  // Per user (allocated for the population the index is built for): 8 bytes and a bit a user, plus
  // the members arrays (4 bytes a user and their spare capacity).
  /**
   * Two ints a user, side by side so that a user's pair shares a cache line: at 2i the next user in
   * the same calendar bucket (or the overflow list), at 2i + 1 her position in her class's members
   * array.
   */
  private int[] link;

  /**
   * A bit per user (an eighth of a byte): set for a user whose clock is due this step and who
   * already acted (noticed or moved by force), so that her clock is redrawn without her
   * reconsidering twice; cleared when the calendar reaches her. Kept apart from nextAttentionStep
   * so that the calendar's loop need not read that array's line before it writes it.
   */
  private long[] acted;

  /** Users whose clock is due at or after windowEnd, linked through link. */
  private int overflowHead = NONE;

  /** Clocks due before this step are in the ring; windowEnd - step never exceeds RING. */
  private long windowEnd;

  /** The world and the step the index describes (after the last step run). */
  private World indexed;

  private long indexedStep;

  private boolean stale = true;

  /** The attention probability of the last clock drawn, and its log(1 - p). */
  private float lastP = Float.NaN;

  private double lastLogMiss;

  public UserChoice(UserParams p, int firmCapacity, int jurisdictions) {
    this.p = p;
    this.jurisdictions = jurisdictions;
    this.shift = (float) p.usageShiftShare();
    this.secondaryHolders = new int[firmCapacity * jurisdictions];
    this.noticeP = new double[firmCapacity * jurisdictions * 2];
    this.open = new boolean[firmCapacity * jurisdictions];
    this.weight = new double[firmCapacity];
    this.jurFirms = new int[jurisdictions][firmCapacity];
    this.jurCum = new double[jurisdictions][firmCapacity];
    this.jurCount = new int[jurisdictions];
    this.posInJur = new int[jurisdictions][firmCapacity];
    this.jurStart = new int[jurisdictions][Math.min(BUCKETS_PER_FIRM * firmCapacity, MAX_BUCKETS)];
    this.jurScale = new double[jurisdictions];
    this.jurBuckets = new int[jurisdictions];
    this.complaints = new int[firmCapacity];
    this.capStrong = new double[jurisdictions];
    this.capWeak = new double[jurisdictions];
    this.members = new int[firmCapacity * jurisdictions * 2][];
    this.memberCount = new int[firmCapacity * jurisdictions * 2];
    this.startCount = new int[firmCapacity * jurisdictions * 2];
  }

  /** Deterministic utility of a provider as users see it (MODEL.md §3 Users). */
  public double utility(Firm f) {
    return utility(p, f);
  }

  /** The same, for any user parameters (observers compute welfare with it). */
  public static double utility(UserParams p, Firm f) {
    return p.weightQuality() * f.capability
        + p.weightReputation() * f.reputation
        - (f.practice ? p.weightPractice() * f.practiceLevel : 0.0)
        + (f.certified() ? p.weightCertification() : 0.0);
  }

  /**
   * Chance that a user with information capability cap notices at least one of the firm's incidents
   * of this step: 1 - prod(1 - visibility_k * cap).
   */
  public static double noticeProbability(Firm f, double cap) {
    double miss = 1.0;
    for (int k = 0; k < f.stepIncidents; k++) {
      miss *= 1.0 - Math.min(1.0, f.stepIncidentVisibility[k] * cap);
    }
    return 1.0 - miss;
  }

  /**
   * Places each user at a uniformly random provider licensed in her jurisdiction. A jurisdiction
   * where no firm is licensed (one firm and several jurisdictions, or no firm serving abroad) is a
   * legitimate policy case: its users start {@link UserPopulation#UNSERVED} (no provider, no draw
   * spent) and join a provider when one is licensed there and their attention clock fires. Builds
   * the event index.
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
    // Multi-homers: up to k - 1 further providers, distinct, uniformly among those licensed in her
    // jurisdiction (all of them if fewer), and usage evenly divided.
    int k = u.slots;
    for (int i = 0; i < u.multiHomers; i++) {
      int main = u.firm[i];
      if (main == UserPopulation.UNSERVED) continue;
      int j = u.jurisdictionOf(i);
      int n = jurCount[j];
      int held = Math.min(k, n);
      for (int s = 1; s < held; s++) {
        int g;
        do {
          g = jurFirms[j][multiHoming.nextInt(n)];
        } while (holds(u, i, g));
        u.setOtherFirm(i, s, g);
      }
      for (int s = 0; s < held; s++) u.setUsageShare(i, s, 1.0f / held);
      usage(w, i, 1.0);
    }
    rebuild(w);
  }

  /** {@link #assignInitial(World, MersenneTwisterFast, MersenneTwisterFast)} with one stream. */
  public void assignInitial(World w, MersenneTwisterFast rng) {
    assignInitial(w, rng, rng);
  }

  /**
   * Tells the phase that the users' providers or attention clocks were changed from outside (tests,
   * a restored state): the index is rebuilt at the next step.
   */
  public void reindex() {
    stale = true;
  }

  /**
   * One step of all users, who notice harms with their information capability as each
   * jurisdiction's transparency mandate and protection of vulnerable users leave it (M11).
   */
  @Override
  public void step(
      World w, MersenneTwisterFast attention, MersenneTwisterFast choice, Synergy synergy) {
    synergy.noticeCapabilities(w, p.infoCapabilityStrong(), false, capStrong);
    synergy.noticeCapabilities(w, p.infoCapabilityWeak(), true, capWeak);
    step(w, attention, choice, capStrong, capWeak);
  }

  /**
   * One step of all users.
   *
   * @param attention draws the attention clocks only
   * @param choice draws noticing, voice, choices and forced moves
   * @param capStrong information capability of ordinary users per jurisdiction (after M11)
   * @param capWeak information capability of information-weak users per jurisdiction (after M11)
   */
  public void step(
      World w,
      MersenneTwisterFast attention,
      MersenneTwisterFast choice,
      double[] capStrong,
      double[] capWeak) {
    if (stale || w != indexed || (w.step != indexedStep && w.step != indexedStep + 1)) rebuild(w);
    indexedStep = w.step;
    List<Firm> firms = w.firms;
    int nf = firms.size();
    int nj = jurisdictions;
    for (int f = 0; f < nf; f++) {
      Firm firm = firms.get(f);
      firm.usersAtStepStart = firm.users;
      complaints[f] = 0;
      boolean hit = firm.active && firm.stepIncidents > 0;
      for (int j = 0; j < nj; j++) {
        int base = (f * nj + j) * 2;
        startCount[base] = hit ? memberCount[base] : 0;
        startCount[base + 1] = hit ? memberCount[base + 1] : 0;
        if (hit) {
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
    final byte[] weak = u.weak;
    final byte[] jur = u.jurisdiction;
    final float[] switchingCost = u.switchingCost;
    final float[] attentionP = u.attention; // null: everyone's is u.uniformAttention
    final float uniformP = u.uniformAttention;
    final int multiHomers = u.multiHomers; // users [0, multiHomers) multi-home
    final int[] nextAttention = u.nextAttentionStep;
    final double voice = p.voicePropensity();
    final double beta = p.choiceIntensity();
    final int step = (int) w.step;
    int switches = 0;
    if (step >= windowEnd - RING / 2) advanceWindow(step, nextAttention);
    final boolean attend = p.noticingResponse() == UserParams.NoticingResponse.ATTENTION;
    final double memorySteps = p.noticedHarmMemoryDays() / w.dtDays;
    final double actUniform = attend ? actOnNotice(uniformP, memorySteps) : 1.0;

    reserve(nf * nj);

    // 0. Multi-homers' further providers that exited or lost their license in her jurisdiction
    // hand their usage to her other providers (looked for only when such a provider has any).
    if (multiHomers > 0 && closedFurtherProviders(nf * nj)) dropClosedFurtherProviders(w);

    // 1. The users of firms with incidents (as they were at the start of the step) may notice. In
    // each class all notice with one probability, so the noticers are found by geometric jumps
    // down the class's array, [0, startCount): a mover's place is taken by the array's last user,
    // who was passed already (or joined this step), and the places below are untouched.
    for (int c = 0, classes = nf * nj * 2; c < classes; c++) {
      int n0 = startCount[c];
      if (n0 == 0 || !open[c >> 1]) continue; // closed: moved by force in 2, without noticing
      double pn = noticeP[c];
      if (pn <= 0.0) continue;
      double logMiss = pn >= 1.0 ? Double.NEGATIVE_INFINITY : logMiss(pn);
      int f = c / (2 * nj);
      int j = (c >> 1) - f * nj;
      int[] list = members[c];
      Firm noticed = firms.get(f);
      for (int at = n0 - noticeGap(choice, logMiss); at >= 0; at -= noticeGap(choice, logMiss)) {
        int i = list[at];
        if (voice >= 1.0 || choice.nextDouble() < voice) complaints[f]++;
        // noticing_response attention: she reconsiders because of the harm only if her attention
        // would fire while she remembers it; if not, her clock runs on (and may fire this step).
        if (attend) {
          double act = attentionP == null ? actUniform : actOnNotice(attentionP[i], memorySteps);
          if (act < 1.0 && !(choice.nextDouble() < act)) continue;
        }
        // Her clock, if due now, is redrawn in 3 but she does not reconsider twice.
        if (nextAttention[i] == step) acted[i >>> 6] |= 1L << i;
        // The usage she takes away from the firm whose harm she noticed is the churn it sees
        // follow its harms (Firm.noticedLoss, read by the backlash decision).
        if (i < multiHomers) {
          double before = noticed.usage();
          switches += reconsiderMultiHomer(w, i, f, j, switchingCost[i], beta, choice.nextDouble());
          double lost = before - noticed.usage();
          if (lost > 0) noticed.noticedLoss += lost;
          continue;
        }
        int k = choose(j, f, switchingCost[i], beta, choice.nextDouble());
        if (k != f) {
          move(w, i, f, k, j);
          switches++;
          noticed.noticedLoss += 1.0;
        }
      }
    }

    // 2. The users of closed (firm, jurisdiction) cells move by force: the firm exited or lost its
    // license there. Nobody moves into a closed cell; each mover is her array's last user.
    for (int cell = 0, cells = nf * nj; cell < cells; cell++) {
      if (open[cell]) continue;
      int f = cell / nj;
      int j = cell - f * nj;
      for (int c = cell * 2; c <= cell * 2 + 1; c++) {
        for (int at = memberCount[c] - 1; at >= 0; at--) {
          int i = members[c][at];
          switches +=
              i < multiHomers
                  ? forcedMoveMultiHomer(w, i, f, j, choice)
                  : forcedMove(w, i, f, j, choice);
          // The attention clock keeps running for a user moved by force.
          if (nextAttention[i] == step) acted[i >>> 6] |= 1L << i;
        }
      }
    }

    // 3. The users whose attention clock fires reconsider (or, unserved, look for a provider).
    int b = step & (RING - 1);
    int i = bucketHead[b];
    bucketHead[b] = NONE;
    while (i != NONE) {
      int next = link[2 * i];
      long word = this.acted[i >>> 6];
      boolean acted = (word & (1L << i)) != 0;
      if (acted) this.acted[i >>> 6] = word & ~(1L << i);
      int due = step + nextGap(attention, attentionP == null ? uniformP : attentionP[i]);
      nextAttention[i] = due;
      schedule(i, due);
      if (!acted) {
        int f = firmOf[i];
        int j = jur == null ? 0 : jur[i];
        if (f == UserPopulation.UNSERVED) {
          if (jurCount[j] > 0) join(w, i, j, choice.nextDouble());
        } else if (i < multiHomers) {
          switches +=
              reconsiderMultiHomer(
                  w, i, leastAttractive(u, i), j, switchingCost[i], beta, choice.nextDouble());
        } else {
          int k = choose(j, f, switchingCost[i], beta, choice.nextDouble());
          if (k != f) {
            move(w, i, f, k, j);
            switches++;
          }
        }
      }
      i = next;
    }

    for (int f = 0; f < nf; f++) {
      firms.get(f).complaints = complaints[f];
      w.tally.complaints += complaints[f];
    }
    w.tally.switches += switches;
  }

  /**
   * With users.noticing_response attention, the chance that a user who notices a harm reconsiders
   * because of it: that her attention clock (probability p a step) fires within the memory's steps,
   * 1 - (1 - p)^steps = 1 - exp(-attention rate x memory days).
   */
  static double actOnNotice(double p, double memorySteps) {
    if (p <= 0.0 || memorySteps <= 0.0) return 0.0;
    if (p >= 1.0) return 1.0;
    return -Math.expm1(memorySteps * Math.log1p(-p));
  }

  /** A uniform number in [0, 1) from one 31-bit draw (one generator call, not nextDouble's two). */
  static double uniform31(MersenneTwisterFast rng) {
    return (rng.nextInt() >>> 1) * 0x1.0p-31;
  }

  /**
   * Steps until the attention clock fires again: geometric on {1, 2, ...} with success probability
   * p per step (never, for p = 0).
   */
  public static int attentionGap(MersenneTwisterFast rng, double p) {
    if (p <= 0.0) return NEVER;
    if (p >= 1.0) return 1;
    return gap(rng, logMiss(p));
  }

  /**
   * log(1 - p) for 0 < p < 1. Math.log, not log1p: log1p is not an intrinsic and made this the
   * model's hottest line. Below 1e-9, log(1 - p) loses digits, and -p is its value to within p^2/2.
   */
  private static double logMiss(double p) {
    return p < 1e-9 ? -p : Math.log(1.0 - p);
  }

  private static int gap(MersenneTwisterFast rng, double logMiss) {
    double gap = 1.0 + Math.floor(Math.log(1.0 - rng.nextDouble()) / logMiss);
    return !(gap < NEVER) ? NEVER : (int) gap;
  }

  /** Users to the next noticer (geometric on {1, 2, ...}); every user when logMiss is -inf. */
  private static int noticeGap(MersenneTwisterFast rng, double logMiss) {
    return logMiss == Double.NEGATIVE_INFINITY ? 1 : gap(rng, logMiss);
  }

  /** {@link #attentionGap}, with log(1 - p) kept from the previous call with the same p. */
  private int nextGap(MersenneTwisterFast rng, float p) {
    if (p <= 0f) return NEVER;
    if (p >= 1f) return 1;
    if (p != lastP) {
      lastP = p;
      lastLogMiss = logMiss(p);
    }
    return gap(rng, lastLogMiss);
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
    int k = locate(j, target);
    return jurFirms[j][k];
  }

  private int forcedMove(World w, int i, int f, int j, MersenneTwisterFast rng) {
    int n = jurCount[j];
    if (n == 0) return 0;
    double target = rng.nextDouble() * jurCum[j][n - 1];
    int k = jurFirms[j][locate(j, target)];
    if (k == f) return 0;
    move(w, i, f, k, j);
    return 1;
  }

  /** An unserved user joins provider k with probability proportional to its choice weight. */
  private void join(World w, int i, int j, double x) {
    int n = jurCount[j];
    int k = jurFirms[j][locate(j, x * jurCum[j][n - 1])];
    UserPopulation u = w.users;
    u.firm[i] = k;
    u.unserved--;
    if (i < u.multiHomers) u.setUsageShare(i, 0, 1.0f); // all her usage, no further provider
    Firm b = w.firms.get(k);
    b.users++;
    b.weakUsers += u.weak[i];
    add(i, (k * jurisdictions + j) * 2 + u.weak[i]);
  }

  /**
   * The first k in [0, n) with cum[k] > target (n - 1 if none): a binary search whose steps have no
   * data-dependent branch but the loop's, so that the processor need not guess them.
   */
  static int search(double[] cum, int n, double target) {
    int lo = 0;
    int len = n;
    while (len > 1) {
      int half = len >>> 1;
      lo = cum[lo + half - 1] <= target ? lo + half : lo;
      len -= half;
    }
    return lo;
  }

  /** Buckets of the index per provider of a jurisdiction (at most {@link #MAX_BUCKETS}). */
  static final int BUCKETS_PER_FIRM = 4;

  static final int MAX_BUCKETS = 1024;

  /**
   * {@link #search}{@code (jurCum[j], jurCount[j], target)}, the same answer from the bucket index:
   * cum is non-decreasing, so if every cum[k] below the bucket's start is at most target (checked;
   * the plain search otherwise, as for a target outside the index or NaN), the first k from the
   * start with cum[k] &gt; target (n - 1 if none) is the search's answer.
   */
  int locate(int j, double target) {
    return locate(jurCum[j], jurCount[j], jurStart[j], jurBuckets[j], jurScale[j], target);
  }

  /**
   * {@link #search}{@code (cum, n, target)} from a bucket index built by {@link #index(double[],
   * int, int[])} over the same cum: its m buckets (scale = m / cum[n - 1], NaN for none) and their
   * starts.
   */
  static int locate(double[] cum, int n, int[] start, int m, double scale, double target) {
    double t = target * scale;
    if (!(t >= 0.0 && t < m)) return search(cum, n, target);
    int k = start[(int) t];
    if (k > 0 && cum[k - 1] > target) return search(cum, n, target);
    while (k < n - 1 && cum[k] <= target) k++;
    return k;
  }

  /**
   * Builds jurisdiction j's bucket index over its n cumulative weights: m buckets of equal width
   * over [0, total), each starting at the search's answer a hair below its lower edge (so that the
   * start never passes the answer for a target in the bucket; {@link #locate} checks it anyway).
   */
  private void index(int j, int n) {
    jurBuckets[j] = index(jurCum[j], n, jurStart[j]);
    jurScale[j] = jurBuckets[j] == 0 ? Double.NaN : jurBuckets[j] / jurCum[j][n - 1];
  }

  /**
   * Fills {@code start} (as many of its buckets as are used, at most BUCKETS_PER_FIRM * n) for
   * {@link #locate(double[], int, int[], int, double, double)} and returns their number m, 0 when
   * the total weight is not a positive finite number (every target then takes the plain search).
   */
  static int index(double[] cum, int n, int[] start) {
    double total = n == 0 ? 0.0 : cum[n - 1];
    int m = Math.min(start.length, BUCKETS_PER_FIRM * n);
    if (!(total > 0.0 && total < Double.POSITIVE_INFINITY) || m == 0) return 0;
    double width = total / m;
    int k = 0;
    for (int b = 0; b < m; b++) {
      double edge = b * width * (1.0 - 1e-9);
      while (k < n - 1 && cum[k] <= edge) k++;
      start[b] = k;
    }
    return m;
  }

  private void move(World w, int i, int from, int to, int j) {
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
    int weak = u.weak[i];
    remove(i, (from * jurisdictions + j) * 2 + weak);
    add(i, (to * jurisdictions + j) * 2 + weak);
  }

  /** Appends user i to class c's array. */
  private void add(int i, int c) {
    int n = memberCount[c];
    int[] list = members[c];
    if (list == null || n == list.length) {
      // Only when one step brings a class more users than the spare room reserve() keeps (an
      // exit or license loss that moves many users at once): the step's loops otherwise never
      // allocate.
      hotLoopGrowths++;
      list = members[c] = list == null ? new int[16] : Arrays.copyOf(list, n + (n >> 1) + 16);
    }
    list[n] = i;
    link[2 * i + 1] = n;
    memberCount[c] = n + 1;
  }

  /**
   * Before the step's loops (the hot path, which allocates nothing): gives every class of an open
   * cell room for at least an eighth of its users plus {@link #SPARE} more, so that a step's moves
   * fit; a class that lacks it grows to its count plus twice that room (a quarter more, as the
   * index is built). Classes grow with their firm's market, a few times in a run.
   */
  private void reserve(int cells) {
    for (int cell = 0; cell < cells; cell++) {
      if (!open[cell]) continue;
      for (int c = cell * 2; c <= cell * 2 + 1; c++) {
        int n = memberCount[c];
        int[] list = members[c];
        int room = (n >> 3) + SPARE;
        if (list != null && list.length - n >= room) continue;
        int capacity = n + 2 * room;
        members[c] = list == null ? new int[capacity] : Arrays.copyOf(list, capacity);
        reserveGrowths++;
      }
    }
  }

  /** Spare room reserve() keeps in every open class beyond an eighth of its users. */
  static final int SPARE = 256;

  private int hotLoopGrowths;

  private int reserveGrowths;

  /** Times a class array had to grow inside the step's loops (see add; tests read it). */
  public int hotLoopGrowths() {
    return hotLoopGrowths;
  }

  /** Times reserve() grew a class array before the step's loops. */
  public int reserveGrowths() {
    return reserveGrowths;
  }

  /** Removes user i from class c's array: its last user takes her place. */
  private void remove(int i, int c) {
    int n = --memberCount[c];
    int[] list = members[c];
    int at = link[2 * i + 1];
    int last = list[n];
    list[at] = last;
    link[2 * last + 1] = at;
  }

  /** Puts user i in the calendar bucket of step due (or the overflow list, or nowhere: never). */
  private void schedule(int i, int due) {
    if (due >= NEVER) return;
    if (due < windowEnd) {
      int b = due & (RING - 1);
      link[2 * i] = bucketHead[b];
      bucketHead[b] = i;
    } else {
      link[2 * i] = overflowHead;
      overflowHead = i;
    }
  }

  /**
   * Moves the ring's window to [step, step + RING) and the overflow's clocks now inside it to their
   * buckets. Done every RING / 2 steps, so each overflow entry is looked at once per RING / 2
   * steps.
   */
  private void advanceWindow(int step, int[] nextAttention) {
    windowEnd = (long) step + RING;
    int i = overflowHead;
    overflowHead = NONE;
    while (i != NONE) {
      int next = link[2 * i];
      schedule(i, nextAttention[i]);
      i = next;
    }
  }

  /** Builds the index from the population's arrays at the world's current step. */
  private void rebuild(World w) {
    UserPopulation u = w.users;
    int n = u.size;
    if (link == null || link.length != 2 * n) {
      link = new int[2 * n];
      acted = new long[(n + 63) >>> 6];
    }
    Arrays.fill(acted, 0L);
    Arrays.fill(memberCount, 0);
    for (int i = 0; i < n; i++) {
      int f = u.firm[i];
      if (f != UserPopulation.UNSERVED) memberCount[classOf(u, i, f)]++;
    }
    for (int c = 0; c < members.length; c++) {
      int count = memberCount[c];
      members[c] = count == 0 ? null : new int[count + (count >> 2) + 16];
      memberCount[c] = 0;
    }
    Arrays.fill(bucketHead, NONE);
    overflowHead = NONE;
    long step = w.step;
    windowEnd = step + RING;
    for (int i = 0; i < n; i++) {
      int f = u.firm[i];
      if (f != UserPopulation.UNSERVED) add(i, classOf(u, i, f));
      int due = u.nextAttentionStep[i];
      if (due >= step) schedule(i, due); // a clock left in the past never fires
    }
    Arrays.fill(secondaryHolders, 0);
    for (int i = 0; i < u.multiHomers; i++) {
      for (int s = 1; s < u.slots; s++) {
        int g = u.otherFirm(i, s);
        if (g != UserPopulation.UNSERVED)
          secondaryHolders[g * jurisdictions + u.jurisdictionOf(i)]++;
      }
    }
    indexed = w;
    indexedStep = step - 1;
    stale = false;
  }

  private int classOf(UserPopulation u, int i, int f) {
    return (f * jurisdictions + u.jurisdictionOf(i)) * 2 + u.weak[i];
  }

  // ---- Multi-homing (issue 12.3). A multi-homer's slots: 0 is her main provider (u.firm), 1 ..
  // k - 1 in u.otherFirm; usage shares in u.usageShare. Each change first takes her usage out of
  // her providers' accounts (usage(w, i, -1)), changes the slots, puts the provider she uses most
  // in slot 0 (moving her between providers' user lists when that changes) and puts her usage back.

  /** The firm in multi-homer i's slot s (UNSERVED: free). */
  private static int slotFirm(UserPopulation u, int i, int s) {
    return s == 0 ? u.firm[i] : u.otherFirm(i, s);
  }

  private static void setSlotFirm(UserPopulation u, int i, int s, int g) {
    if (s == 0) u.firm[i] = g;
    else u.setOtherFirm(i, s, g);
  }

  /** The slot in which multi-homer i holds firm g, or -1. */
  private static int slotOf(UserPopulation u, int i, int g) {
    for (int s = 0; s < u.slots; s++) if (slotFirm(u, i, s) == g) return s;
    return -1;
  }

  private static boolean holds(UserPopulation u, int i, int g) {
    return slotOf(u, i, g) >= 0;
  }

  /**
   * Adds sign times multi-homer i's usage to her providers' accounts: {@link Firm#usageAdjustment}
   * (share - 1 at the main provider, which counts her among its users, share elsewhere) and the
   * count of further holders per (firm, jurisdiction).
   */
  private void usage(World w, int i, double sign) {
    UserPopulation u = w.users;
    int k = u.slots;
    int j = u.jurisdictionOf(i);
    int main = u.firm[i];
    if (main == UserPopulation.UNSERVED) return;
    w.firms.get(main).usageAdjustment += sign * (u.usageShare(i, 0) - 1.0);
    for (int s = 1; s < k; s++) {
      int g = u.otherFirm(i, s);
      if (g == UserPopulation.UNSERVED) continue;
      w.firms.get(g).usageAdjustment += sign * u.usageShare(i, s);
      secondaryHolders[g * jurisdictions + j] += sign > 0 ? 1 : -1;
    }
  }

  /**
   * After a change of multi-homer i's slots (her usage out of the accounts): frees the further
   * slots left without usage, puts the provider she uses most in slot 0 (the lowest slot among
   * equals) and, if her main provider changed, moves her from its users to the new one's.
   */
  private void settle(World w, int i, int oldMain, int j) {
    UserPopulation u = w.users;
    int k = u.slots;
    int best = 0;
    for (int s = 1; s < k; s++) {
      if (u.usageShare(i, s) > u.usageShare(i, best)) best = s;
    }
    if (best != 0) {
      int g = slotFirm(u, i, best);
      float share = u.usageShare(i, best);
      setSlotFirm(u, i, best, u.firm[i]);
      u.setUsageShare(i, best, u.usageShare(i, 0));
      u.firm[i] = g;
      u.setUsageShare(i, 0, share);
    }
    for (int s = 1; s < k; s++) {
      if (!(u.usageShare(i, s) > 0f)) {
        u.setUsageShare(i, s, 0f);
        setSlotFirm(u, i, s, UserPopulation.UNSERVED);
      }
    }
    int main = u.firm[i];
    if (main != oldMain) {
      u.firm[i] = oldMain;
      move(w, i, oldMain, main, j);
    }
  }

  /** Multi-homer i's held provider with the lowest choice weight (the lowest slot among equals). */
  private int leastAttractive(UserPopulation u, int i) {
    int worst = u.firm[i];
    for (int s = 1; s < u.slots; s++) {
      int g = slotFirm(u, i, s);
      if (g != UserPopulation.UNSERVED && weight[g] < weight[worst]) worst = g;
    }
    return worst;
  }

  /**
   * The logit choice of multi-homer i from one uniform x: provider g with weight w_g if she holds
   * it, w_g * exp(-beta * s) if not; the held ones first (slot order), then the others in the order
   * of the jurisdiction's providers (found, like {@link #choose}, by a binary search of the
   * cumulative weights with the held ones skipped).
   */
  int chooseMultiHomer(
      UserPopulation u, int i, int j, double switchingCost, double beta, double x) {
    int n = jurCount[j];
    double[] cum = jurCum[j];
    double total = cum[n - 1];
    int k = u.slots;
    double held = 0.0;
    int m = 0;
    int[] at = posInJur[j];
    for (int s = 0; s < k; s++) {
      int g = slotFirm(u, i, s);
      if (g == UserPopulation.UNSERVED) continue;
      held += weight[g];
      // The held providers' positions in the jurisdiction's list, ascending (k is at most 8).
      int pos = at[g];
      int a = m++;
      while (a > 0 && heldPos[a - 1] > pos) {
        heldPos[a] = heldPos[a - 1];
        a--;
      }
      heldPos[a] = pos;
    }
    double discount = Math.exp(-beta * switchingCost);
    double others = total - held;
    double t = x * (held + discount * others);
    int last = u.firm[i];
    for (int s = 0; s < k; s++) {
      int g = slotFirm(u, i, s);
      if (g == UserPopulation.UNSERVED) continue;
      if (t < weight[g]) return g;
      t -= weight[g];
      last = g;
    }
    if (!(discount * others > 0.0) || m == n) return last;
    // t in [0, others) among the providers she does not hold: onto the whole cumulative list by
    // adding the weight of each held provider at or before it, in ascending position.
    t /= discount;
    int[] firms = jurFirms[j];
    for (int a = 0; a < m; a++) {
      int pos = heldPos[a];
      if (t < (pos == 0 ? 0.0 : cum[pos - 1])) break;
      t += weight[firms[pos]];
    }
    int idx = locate(j, t);
    // Rounding at a boundary can land on a held provider: take the next one she does not hold
    // (or, at the end of the list, the previous one).
    while (idx < n - 1 && holds(u, i, firms[idx])) idx++;
    while (idx > 0 && holds(u, i, firms[idx])) idx--;
    return firms[idx];
  }

  /**
   * Multi-homer i reconsiders, moving usage away from provider {@code source} she holds (one
   * uniform x for the choice); returns 1 if usage moved, else 0.
   */
  private int reconsiderMultiHomer(
      World w, int i, int source, int j, double switchingCost, double beta, double x) {
    UserPopulation u = w.users;
    int target = chooseMultiHomer(u, i, j, switchingCost, beta, x);
    if (target == source) return 0;
    shiftUsage(w, i, source, target, j);
    return 1;
  }

  /**
   * Moves multi-homer i's usage from {@code source} (held) to {@code target} (not the source): the
   * share {@link #shift} of the source's usage to a held target or into a free slot; with every
   * slot taken, the target replaces the source with all of its usage.
   */
  void shiftUsage(World w, int i, int source, int target, int j) {
    UserPopulation u = w.users;
    int k = u.slots;
    int oldMain = u.firm[i];
    usage(w, i, -1.0);
    int from = slotOf(u, i, source);
    int to = slotOf(u, i, target);
    if (to < 0) {
      for (int s = 1; s < k && to < 0; s++)
        if (slotFirm(u, i, s) == UserPopulation.UNSERVED) to = s;
      if (to < 0) {
        to = from; // every slot taken: the target takes the source's slot and all its usage
      } else {
        setSlotFirm(u, i, to, target);
        u.setUsageShare(i, to, 0f);
      }
    }
    if (to == from) {
      if (from == 0) {
        u.firm[i] = target; // settle moves her between the user lists
      } else {
        setSlotFirm(u, i, from, target);
      }
    } else {
      float moved = shift * u.usageShare(i, from);
      u.setUsageShare(i, from, u.usageShare(i, from) - moved);
      u.setUsageShare(i, to, u.usageShare(i, to) + moved);
    }
    settle(w, i, oldMain, j);
    usage(w, i, 1.0);
  }

  /**
   * Drops provider {@code gone} (held, not the only one with usage among the open ones) from
   * multi-homer i: its usage goes to her other open providers in proportion to their usage. Returns
   * false, changing nothing, if she has no other open provider with usage.
   */
  private boolean drop(World w, int i, int gone, int j) {
    UserPopulation u = w.users;
    int k = u.slots;
    int from = slotOf(u, i, gone);
    double rest = 0.0;
    for (int s = 0; s < k; s++) {
      int g = slotFirm(u, i, s);
      if (s != from && g != UserPopulation.UNSERVED && open[g * jurisdictions + j]) {
        rest += u.usageShare(i, s);
      }
    }
    if (!(rest > 0.0)) return false;
    int oldMain = u.firm[i];
    usage(w, i, -1.0);
    float freed = u.usageShare(i, from);
    for (int s = 0; s < k; s++) {
      int g = slotFirm(u, i, s);
      if (s != from && g != UserPopulation.UNSERVED && open[g * jurisdictions + j]) {
        u.setUsageShare(i, s, u.usageShare(i, s) + (float) (freed * (u.usageShare(i, s) / rest)));
      }
    }
    u.setUsageShare(i, from, 0f);
    if (from != 0) setSlotFirm(u, i, from, UserPopulation.UNSERVED);
    settle(w, i, oldMain, j);
    usage(w, i, 1.0);
    return true;
  }

  /**
   * Multi-homer i's main provider f is closed in her jurisdiction: its usage goes to her other open
   * providers, or, with none, she moves by force like a single-homer with all her usage.
   */
  private int forcedMoveMultiHomer(World w, int i, int f, int j, MersenneTwisterFast rng) {
    if (drop(w, i, f, j)) return 1;
    UserPopulation u = w.users;
    usage(w, i, -1.0);
    for (int s = 1; s < u.slots; s++) {
      setSlotFirm(u, i, s, UserPopulation.UNSERVED); // closed further providers (no usage)
      u.setUsageShare(i, s, 0f);
    }
    u.setUsageShare(i, 0, 1f);
    int moved = forcedMove(w, i, f, j, rng);
    usage(w, i, 1.0);
    return moved;
  }

  /** Whether some closed (firm, jurisdiction) cell is a further provider of some multi-homer. */
  private boolean closedFurtherProviders(int cells) {
    for (int cell = 0; cell < cells; cell++) {
      if (!open[cell] && secondaryHolders[cell] > 0) return true;
    }
    return false;
  }

  /** Drops every closed further provider of every multi-homer (a scan of the multi-homers). */
  private void dropClosedFurtherProviders(World w) {
    UserPopulation u = w.users;
    for (int i = 0; i < u.multiHomers; i++) {
      int j = u.jurisdictionOf(i);
      for (int s = 1; s < u.slots; s++) {
        int g = slotFirm(u, i, s);
        if (g == UserPopulation.UNSERVED || open[g * jurisdictions + j]) continue;
        if (!drop(w, i, g, j)) {
          // Her main provider is closed too: the closed further one's usage goes to the main one,
          // whose users move by force in the same step.
          int oldMain = u.firm[i];
          usage(w, i, -1.0);
          u.setUsageShare(i, 0, u.usageShare(i, 0) + u.usageShare(i, s));
          u.setUsageShare(i, s, 0f);
          setSlotFirm(u, i, s, UserPopulation.UNSERVED);
          settle(w, i, oldMain, j);
          usage(w, i, 1.0);
        }
        s = 0; // the slots may have moved: look again from the start
      }
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
      index(j, n);
    }
  }
}
