package govsim.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ec.util.MersenneTwisterFast;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The named streams: the derivation's building blocks against their published test vectors, one
 * stream per name and seed, reproducible, and independent of the order in which streams are made.
 */
class RandomStreamsTest {
  @Test
  void fnv1aAndSplitMix64MatchTheirPublishedTestVectors() {
    // FNV-1a 64 (Fowler, Noll, Vo): "" -> the offset basis, "a" -> 0xaf63dc4c8601ec8c,
    // "foobar" -> 0x85944171f73967e8.
    assertEquals(0xcbf29ce484222325L, RandomStreams.fnv1a64(new byte[0]));
    assertEquals(0xaf63dc4c8601ec8cL, RandomStreams.fnv1a64(bytes("a")));
    assertEquals(0x85944171f73967e8L, RandomStreams.fnv1a64(bytes("foobar")));
    // SplitMix64 started at 0: outputs 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4 (Vigna's reference).
    assertEquals(0xe220a8397b1dcdafL, RandomStreams.splitMix64(0, 1));
    assertEquals(0x6e789e6aa1b965f4L, RandomStreams.splitMix64(0, 2));
  }

  @Test
  void aStreamIsAFunctionOfSeedAndNameOnly() {
    MersenneTwisterFast a = RandomStreams.derive(11, "risks");
    MersenneTwisterFast b = new RandomStreams(11, 5).risks;
    for (int i = 0; i < 1000; i++) assertEquals(a.nextLong(), b.nextLong());
    // Per-firm streams do not depend on which firm drew first.
    RandomStreams s = new RandomStreams(11, 5);
    RandomStreams t = new RandomStreams(11, 5);
    s.incidents(0).nextDouble();
    double three = s.incidents(3).nextDouble();
    assertEquals(three, t.incidents(3).nextDouble());
    assertSame(s.incidents(3), s.incidents(3), "one stream per firm, kept");
    assertEquals(RandomStreams.derive(11, "incidents/3").nextDouble(), three);
  }

  @Test
  void namesAndSeedsGiveDifferentStreams() {
    RandomStreams s = new RandomStreams(1, 3);
    List<MersenneTwisterFast> all =
        List.of(
            s.risks,
            s.events,
            s.firms,
            s.users,
            s.attention,
            s.choice,
            s.entry,
            s.malicious,
            s.rulemaking,
            s.decisions,
            s.communities,
            s.audits,
            s.enforcement,
            s.incidents(0),
            s.incidents(1),
            s.releases(0),
            s.releases(1),
            s.safeguards,
            s.targets,
            s.safeguardReviews);
    Set<Long> first = new HashSet<>();
    for (MersenneTwisterFast m : all) first.add(m.nextLong());
    assertEquals(all.size(), first.size(), "every stream starts differently");
    // Seeds that differ only in their high 32 bits give different streams.
    assertNotEquals(
        RandomStreams.derive(5, "risks").nextLong(),
        RandomStreams.derive(5 + (1L << 32), "risks").nextLong());
    // The documented names hash to distinct keys.
    Set<Long> hashes = new HashSet<>();
    for (String n : RandomStreams.names()) hashes.add(RandomStreams.fnv1a64(bytes(n)));
    assertEquals(RandomStreams.names().size(), hashes.size());
    assertEquals(
        24,
        RandomStreams.names().size(),
        "16, plus 12.5's three, 13.3's synergy, 13.6's recognition, 12.1's backlash, 12.4's"
            + " entry_decisions, 12.3's multi_homing");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
