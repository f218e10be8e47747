package govsim.mechanism;

import ec.util.MersenneTwisterFast;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's named random streams: common random numbers per process (MODEL.md §9).
 *
 * <p>Each process draws from its own Mersenne Twister, derived from the run's 64-bit seed and the
 * stream's name, so that what a regime does not cause is drawn identically in every regime with the
 * same seed. The exogenous processes (risk arrivals and their attributes, each firm's incidents and
 * releases, malicious opportunities, users' attributes and attention clocks, entry, scheduled
 * events, the initial firms) each have a stream of their own and spend a number of draws that the
 * regime does not change; the regime-dependent choices (firms' decisions, users' choices,
 * communities, audits, enforcement, initial rules) have separate streams, so their consumption
 * cannot shift the exogenous ones.
 *
 * <p>Derivation ({@link #SCHEME}): the name's UTF-8 bytes are hashed with 64-bit FNV-1a (a fixed
 * function, not the JVM's hash codes); the seed and the hash are each put through one SplitMix64
 * step (two outputs each); the eight 32-bit halves, low half first, are the key of {@link
 * MersenneTwisterFast#setSeed(int[])} (Matsumoto and Nishimura's init_by_array). SplitMix64's
 * output is a bijection of its input, so different seeds give different keys, and so do names whose
 * hashes differ (all of govsim's do: a test checks it).
 */
public final class RandomStreams implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The derivation, as the manifest and the ODD record it. */
  public static final String SCHEME =
      "one Mersenne Twister (MT19937) per stream; key = SplitMix64 outputs 1-2 of the run's 64-bit"
          + " seed and SplitMix64 outputs 1-2 of the 64-bit FNV-1a hash of the stream name's UTF-8"
          + " bytes, as eight 32-bit words (low half first) to MT19937 init_by_array";

  /** Stream names and what each one draws, in the order the manifest lists them. */
  private static final Map<String, String> STREAMS = new LinkedHashMap<>();

  static {
    STREAMS.put(
        "risks",
        "initial risks and novel risk arrivals: count, severity, visibility,"
            + " Knightian or known, lifetime (M1)");
    STREAMS.put(
        "events",
        "scheduled events: a capability shock's changed forms and new risks,"
            + " emerge_risk lifetimes");
    STREAMS.put(
        "firms", "initial firms: capability, alignment, home jurisdiction, licenses abroad");
    STREAMS.put("releases/<firm id>", "one per firm: release intervals and capability gains (M1)");
    STREAMS.put(
        "incidents/<firm id>",
        "one per firm: one uniform per active risk per step and one"
            + " for the practice's news, whatever the firm's mitigation (M1)");
    STREAMS.put(
        "users",
        "users' attributes (jurisdiction, information-weak, switching cost,"
            + " attention rate) and initial providers");
    STREAMS.put("attention", "users' attention clocks: first and every later gap (M4)");
    STREAMS.put("choice", "users' noticing, voice, logit choice, forced moves and joins (M4)");
    STREAMS.put("entry", "entrants: arrivals, capability factor, alignment, jurisdictions (M9)");
    STREAMS.put(
        "malicious",
        "malicious actors' jurisdictions and every opportunity: occurrence,"
            + " gain, severity, attack and detection uniforms, drawn whether or not the actor attacks"
            + " (M12)");
    STREAMS.put("rulemaking", "initial rules in force on day 0 (M2)");
    STREAMS.put(
        "decisions", "firms' reviews, mitigation, practice, imitation and memberships (M6)");
    STREAMS.put(
        "communities",
        "initial communities and memberships, standard discovery,"
            + " formation and founding (M7, M10)");
    STREAMS.put("audits", "community audits and their detections (M8)");
    STREAMS.put(
        "enforcement", "regulators' inspections, targets, detections and investigations" + " (M3)");
    STREAMS.put(
        "hazards",
        "one standard normal per risk created (initial, novel, scheduled), in creation order,"
            + " for its lognormal hazard multiplier, drawn whatever the heterogeneity (M1, issue 13)");
    // misuse (issue 12 item 5)
    STREAMS.put(
        "safeguards",
        "firms' initial misuse safeguard levels, one draw per firm in id order (initial firms and"
            + " entrants), whatever the regime (M12)");
    STREAMS.put(
        "targets",
        "every malicious opportunity's provider-choice, safeguard-block and attribution uniforms,"
            + " drawn whether or not the actor attacks (M12)");
    STREAMS.put(
        "safeguard-reviews",
        "firms' safeguard reviews and their logit or imitation draws (M6, M12)");
    STREAMS.put(
        "synergy",
        "communities forming where the law is silent: occurrence, stringency, assurance,"
            + " recognition and founders (M11, issue 13.3)");
    STREAMS.put(
        "recognition",
        "regulators' reviews of community certificates and their recognition decisions (M10,"
            + " cross_border.recognition_rule decided)");
    // issue 12.1 (resp)
    STREAMS.put(
        "backlash",
        "firms' backlash response decisions: one uniform per logit decision, two per fermi"
            + " decision (M5)");
    // issue 12.4 (race)
    STREAMS.put(
        "entry_decisions",
        "would-be entrants' logit decision to enter (M9, issue 12.4; regime-dependent)");
    // issue 12.3 (users)
    STREAMS.put(
        "multi_homing",
        "multi-homing users' initial further providers (M4; drawn only when users multi-home)");
  }

  private final long seed;

  public final MersenneTwisterFast risks;
  public final MersenneTwisterFast events;
  public final MersenneTwisterFast firms;
  public final MersenneTwisterFast users;
  public final MersenneTwisterFast attention;
  public final MersenneTwisterFast choice;
  public final MersenneTwisterFast entry;
  public final MersenneTwisterFast malicious;
  public final MersenneTwisterFast rulemaking;
  public final MersenneTwisterFast decisions;
  public final MersenneTwisterFast communities;
  public final MersenneTwisterFast audits;
  public final MersenneTwisterFast enforcement;
  public final MersenneTwisterFast hazards;
  public final MersenneTwisterFast safeguards;
  public final MersenneTwisterFast targets;
  public final MersenneTwisterFast safeguardReviews;
  public final MersenneTwisterFast synergy;
  public final MersenneTwisterFast recognition;
  public final MersenneTwisterFast backlash;
  public final MersenneTwisterFast entryDecisions;

  /** Per-firm streams, made when a firm first draws (firm ids are 0 .. firmCapacity - 1). */
  private final MersenneTwisterFast[] incidents;

  private final MersenneTwisterFast[] releases;

  /**
   * @param seed the run's seed (all 64 bits)
   * @param firmCapacity most firms a run can hold (competition.max_firms)
   */
  public RandomStreams(long seed, int firmCapacity) {
    this.seed = seed;
    risks = derive(seed, "risks");
    events = derive(seed, "events");
    firms = derive(seed, "firms");
    users = derive(seed, "users");
    attention = derive(seed, "attention");
    choice = derive(seed, "choice");
    entry = derive(seed, "entry");
    malicious = derive(seed, "malicious");
    rulemaking = derive(seed, "rulemaking");
    decisions = derive(seed, "decisions");
    communities = derive(seed, "communities");
    audits = derive(seed, "audits");
    enforcement = derive(seed, "enforcement");
    hazards = derive(seed, "hazards");
    safeguards = derive(seed, "safeguards");
    targets = derive(seed, "targets");
    safeguardReviews = derive(seed, "safeguard-reviews");
    synergy = derive(seed, "synergy");
    recognition = derive(seed, "recognition");
    backlash = derive(seed, "backlash");
    entryDecisions = derive(seed, "entry_decisions");
    incidents = new MersenneTwisterFast[firmCapacity];
    releases = new MersenneTwisterFast[firmCapacity];
  }

  private MersenneTwisterFast multiHoming;

  /** The "multi_homing" stream, made at its first use (worlds where nobody multi-homes skip it). */
  public MersenneTwisterFast multiHoming() {
    if (multiHoming == null) multiHoming = derive(seed, "multi_homing");
    return multiHoming;
  }

  /** Firm {@code id}'s incident stream, "incidents/&lt;id&gt;". */
  public MersenneTwisterFast incidents(int firmId) {
    MersenneTwisterFast s = incidents[firmId];
    if (s == null) incidents[firmId] = s = derive(seed, "incidents/" + firmId);
    return s;
  }

  /** Firm {@code id}'s release stream, "releases/&lt;id&gt;". */
  public MersenneTwisterFast releases(int firmId) {
    MersenneTwisterFast s = releases[firmId];
    if (s == null) releases[firmId] = s = derive(seed, "releases/" + firmId);
    return s;
  }

  /** The stream names (per-firm streams as a pattern), in a fixed order. */
  public static List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(STREAMS.keySet()));
  }

  /** Each stream name with what it draws, in the order of {@link #names()}. */
  public static Map<String, String> descriptions() {
    return Collections.unmodifiableMap(STREAMS);
  }

  /** The stream of the given name for the given seed (see the class comment for the derivation). */
  public static MersenneTwisterFast derive(long seed, String name) {
    long h = fnv1a64(name.getBytes(StandardCharsets.UTF_8));
    long[] words = {splitMix64(seed, 1), splitMix64(seed, 2), splitMix64(h, 1), splitMix64(h, 2)};
    int[] key = new int[8];
    for (int i = 0; i < 4; i++) {
      key[2 * i] = (int) words[i];
      key[2 * i + 1] = (int) (words[i] >>> 32);
    }
    return new MersenneTwisterFast(key);
  }

  /** 64-bit FNV-1a: offset basis 0xcbf29ce484222325, prime 0x100000001b3. */
  static long fnv1a64(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The n-th output (n = 1, 2, ...) of SplitMix64 (Steele, Lea and Flood 2014) started at x. */
  static long splitMix64(long x, int n) {
    long z = x + n * 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
