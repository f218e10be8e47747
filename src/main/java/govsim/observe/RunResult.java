package govsim.observe;

import govsim.model.ModelSpec;
import govsim.world.World;
import java.util.Map;

/** What one finished run hands back: its scenario, summary metrics, final world and wall time. */
public record RunResult(
    ModelSpec spec, Map<String, Double> summary, World world, double stepSeconds) {}
