package govsim.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govsim.scenario.ParamInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every numeric scenario key declares a plausible range and a source (MODEL.md §9), the default
 * lies in it, and keys that must keep an order (x_min <= x_max) have plausible ranges that cannot
 * cross, so that any point of the plausible box is a valid scenario.
 */
class PlausibleRangesTest {
  private final List<ParamInfo> params = Scenarios.loader().schema().params();

  @Test
  void everyNumericKeyHasAPlausibleRangeAroundItsDefaultAndASource() {
    for (ParamInfo p : params) {
      if (p.isSection()) continue;
      assertFalse(p.source().isBlank(), p.path() + " has no source");
      if (!p.isNumeric()) continue;
      assertTrue(p.hasPlausibleRange(), p.path() + " has no plausible range");
      if (p.defaultText().equals(ParamInfo.REQUIRED)) continue;
      // A per-jurisdiction list (cross_border.rule_stringency, ...) defaults to [], "the scalar
      // key's value everywhere"; its plausible range is that of its entries.
      if (p.defaultText().equals("[]")) continue;
      double d = Double.parseDouble(p.defaultText());
      assertTrue(
          d >= p.plausibleMin() && d <= p.plausibleMax(),
          p.path() + ": default " + d + " outside its plausible range " + p.plausibleText());
    }
  }

  @Test
  void orderedPairsHavePlausibleRangesThatCannotCross() {
    String[][] pairs = {
      {"risks.visibility_min", "risks.visibility_max"},
      {"firms.capability_min", "firms.capability_max"},
      {"firms.alignment_min", "firms.alignment_max"},
      {"communities.stringency_min", "communities.stringency_max"},
      {"assurance.assurance_min", "assurance.assurance_max"},
      {"competition.entrant_capability_low", "competition.entrant_capability_high"},
      {"users.info_capability_weak", "users.info_capability_strong"},
      {"firms.count", "competition.max_firms"},
      {"communities.min_members", "communities.founding_members"},
    };
    for (String[] pair : pairs) {
      ParamInfo lo = Scenarios.loader().schema().param(pair[0]).orElseThrow();
      ParamInfo hi = Scenarios.loader().schema().param(pair[1]).orElseThrow();
      assertTrue(
          lo.plausibleMax() <= hi.plausibleMin(),
          pair[0] + " " + lo.plausibleText() + " can exceed " + pair[1] + " " + hi.plausibleText());
    }
  }
}
