package govsim.report;

import govsim.observe.MetricDoc;
import govsim.observe.Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notebook of a govsim folder: where the data came from (the manifest's provenance), code that
 * finds and loads the folder's CSV files with pandas, and matplotlib code that redraws the report's
 * main figures with the same metrics, labels, colours and line styles, so that a researcher can
 * take the analysis further from there. The code sticks to what pandas 1.5 and matplotlib 3.6
 * (Debian 12) offer, and needs nothing but pandas, numpy and matplotlib.
 */
final class NotebookBuilder {
  private NotebookBuilder() {}

  /**
   * Builds the notebook.
   *
   * @param f the folder
   * @param fromRepoRoot the folder relative to the directory the export ran in, or null
   * @param fromNotebook the folder relative to the notebook's own directory, or null
   */
  static Notebook build(ResultFolder f, String fromRepoRoot, String fromNotebook) {
    Provenance p = Provenance.of(f.kind(), f.manifest());
    Notebook nb = new Notebook();
    StringBuilder md = new StringBuilder();
    md.append("# ").append(ReportWriter.title(f)).append("\n\n");
    md.append("Exported by `govsim notebook` from the ")
        .append(f.kind().label())
        .append(" folder `")
        .append(f.dir().toAbsolutePath().normalize().getFileName())
        .append("`. It loads that folder's CSV files with")
        .append(
            " pandas and redraws the main figures of its report (`govsim report`) with matplotlib; carry on from")
        .append(" there.\n\n## How these data were produced\n\n| | |\n|---|---|\n");
    for (Provenance.Fact fact : p.facts()) {
      String v = fact.value().replace("|", "\\|");
      md.append("| ")
          .append(fact.label())
          .append(" | ")
          .append(fact.label().equals("Command") ? "`" + v + "`" : v)
          .append(" |\n");
    }
    nb.markdown(md.toString());
    nb.markdown(intervals(f));
    nb.markdown(
        """
        ## Where the data are

        The next cell looks for the folder in this order and uses the first that holds `manifest.json`:
        the environment variable `GOVSIM_DATA`; the absolute path the folder had when the notebook was exported
        (works on that machine); the path relative to the repository root (works when Jupyter runs from the
        repository, e.g. `jupyter lab` started there); and the path relative to this notebook's folder (works when
        the kernel runs in `notebooks-export/`, which is what Jupyter and `nbconvert --execute` do by default).
        To read another folder of the same kind, set `GOVSIM_DATA` or `DATA`.""");
    nb.code(
        SETUP
            .replace("@ABSOLUTE@", Py.str(f.dir().toAbsolutePath().normalize().toString()))
            .replace("@FROM_ROOT@", Py.str(fromRepoRoot))
            .replace("@FROM_NOTEBOOK@", Py.str(fromNotebook)));
    nb.code(STYLE.replace("@LABELS@", Py.labels(labels(f.kind()))));
    nb.code(PROVENANCE);
    switch (f.kind()) {
      case RUN -> run(nb);
      case COMPARISON -> comparison(nb);
      case SWEEP -> sweep(nb);
      case GAME_SWEEP -> gameSweep(nb);
    }
    return nb;
  }

  private static String intervals(ResultFolder f) {
    String level =
        f.manifest().has("confidence_level")
            ? Numbers.percent(f.manifest().get("confidence_level").getAsDouble())
            : "95";
    return switch (f.kind()) {
      case RUN ->
          "## Intervals\n\nA single run is one realisation with one seed: nothing here has an interval. For"
              + " means with confidence intervals over seeds, use `govsim compare` or `govsim sweep`.";
      case COMPARISON ->
          "## How the intervals are computed\n\nEvery regime ran the same seeds (common random"
              + " numbers). A regime's value is the mean over its seeds with the "
              + level
              + "% interval of the mean: a t-interval, built on the logit scale for shares and on the log scale for"
              + " metrics bounded on one side, so that it stays within the metric's bounds (column `interval` of"
              + " `comparison.csv`); differences between regimes are paired over seeds, with their t-interval, the"
              + " p-value of a two-sided paired t-test and its Holm adjustment over all rows (`p_holm`,"
              + " `paired_differences.csv`); the time-series bands are the same interval at every recorded step, with"
              + " its n (`timeseries_mean.csv`). The notebook reads these intervals from"
              + " the files; it does not recompute them.";
      case SWEEP ->
          "## How the intervals are computed\n\n`aggregate.csv` holds, per design point and regime, the"
              + " mean over the point's replications with its "
              + level
              + "% t-interval (none with one replication), on the logit or log scale for bounded metrics (column"
              + " `interval`)."
              + " `sobol.csv` (Sobol designs) holds first-order and total indices with bootstrap percentile intervals."
              + " The time-series bands below are the 10th to 90th percentile across runs, not confidence intervals.";
      case GAME_SWEEP ->
          "## How the intervals are computed\n\nThe exact shares (`share`: small-mutation limit;"
              + " `share_at_mutation_rate`: the birth-death chain at the game's mutation rate) have no interval."
              + " The agent-based share at a point is the mean over its seeds of each run's long-run share, with"
              + " the 95% t-interval of that mean (`abm_ci_low`, `abm_ci_high`; the runs are in `abm_runs.csv`)."
              + " The notebook reads these from the files; it does not recompute them.";
    };
  }

  /** Titles and units of every metric the notebook may draw. */
  private static Map<String, MetricDoc> labels(FolderKind kind) {
    Map<String, MetricDoc> out = new LinkedHashMap<>();
    if (kind == FolderKind.RUN || kind == FolderKind.COMPARISON) {
      for (String s : Headlines.COMPARISON_SERIES) out.put(s, Metrics.stepDoc(s));
    }
    if (kind == FolderKind.SWEEP)
      for (String s : Headlines.SWEEP_SERIES) out.put(s, Metrics.stepDoc(s));
    for (String s : Metrics.RUN_NAMES) out.putIfAbsent(s, Metrics.runDoc(s));
    return out;
  }

  private static final String SETUP =
      """
      import json
      import os
      from pathlib import Path

      import numpy as np
      import pandas as pd
      import matplotlib.pyplot as plt
      from matplotlib.ticker import FuncFormatter

      # The exported folder: absolute, from the repository root, from this notebook's folder.
      FOLDER_ABSOLUTE = @ABSOLUTE@
      FOLDER_FROM_REPO_ROOT = @FROM_ROOT@
      FOLDER_FROM_NOTEBOOK = @FROM_NOTEBOOK@


      def find_data():
          tried = []
          for p in (os.environ.get("GOVSIM_DATA"), FOLDER_ABSOLUTE, FOLDER_FROM_REPO_ROOT, FOLDER_FROM_NOTEBOOK):
              if not p:
                  continue
              tried.append(p)
              if (Path(p) / "manifest.json").is_file():
                  return Path(p)
          raise FileNotFoundError("cannot find the govsim folder; tried: " + ", ".join(tried)
                                  + ". Set the environment variable GOVSIM_DATA (or DATA below) to the folder.")


      DATA = find_data()
      manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
      print("Data folder:", DATA.resolve())


      def parquet_engine():
          for name in ("pyarrow", "fastparquet"):
              try:
                  __import__(name)
                  return name
              except ImportError:
                  pass
          return None


      PARQUET = parquet_engine()


      def read_table(stem, csv_name, columns=None):
          # The Parquet table (same rows and numbers as the CSV, typed, several times faster to load) when the
          # folder has it and pyarrow or fastparquet is installed; the CSV otherwise.
          pq = DATA / (stem + ".parquet")
          if PARQUET and pq.is_file():
              df = pd.read_parquet(pq, engine=PARQUET)
              return df[[c for c in df.columns if c in columns]] if columns else df
          return pd.read_csv(DATA / csv_name, usecols=(lambda c: c in columns) if columns else None)


      print("Parquet:", PARQUET or "no pyarrow or fastparquet installed: reading the CSV files")
      """;

  private static final String STYLE =
      """
      # Colours and lines as in the report: Okabe-Ito (colour-blind safe), a fixed colour and dash per regime.
      BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY, BLACK, YELLOW = (
          "#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442")
      GREY = "#8C8C8C"
      SERIES_COLORS = [BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY, BLACK, YELLOW]
      SERIES_LINES = ["-", (0, (7, 4)), (0, (2, 3)), (0, (8, 3, 2, 3)), (0, (12, 4))]
      MARKERS = ["o", "s", "D", "^", "v"]
      REGIME_COLORS = {"laissez_faire": BLACK, "centralized": VERMILLION, "distributed": GREEN, "hybrid": BLUE}
      REGIME_LINES = {"laissez_faire": (0, (2, 3)), "centralized": (0, (7, 4)), "distributed": (0, (8, 3, 2, 3)),
                      "hybrid": "-"}
      REGIME_ORDER = ["laissez_faire", "centralized", "distributed", "hybrid"]

      plt.rcParams.update({
          "figure.figsize": (8, 5), "figure.dpi": 100, "savefig.dpi": 200, "font.size": 11,
          "axes.titlesize": 13, "axes.titleweight": "bold", "axes.spines.top": False, "axes.spines.right": False,
          "axes.grid": True, "grid.color": "#DDDDDD", "legend.frameon": False,
      })

      # Metric -> (title, unit), as on the report's axes.
      LABELS = @LABELS@


      def regime_color(regime, i):
          return REGIME_COLORS.get(regime, SERIES_COLORS[(i + 3) % len(SERIES_COLORS)])


      def regime_line(regime, i):
          return REGIME_LINES.get(regime, SERIES_LINES[i % len(SERIES_LINES)])


      def regime_marker(regime, i):
          k = REGIME_ORDER.index(regime) if regime in REGIME_ORDER else i
          return MARKERS[k % len(MARKERS)]


      def title_of(metric):
          return LABELS.get(metric, (metric, ""))[0]


      def axis_label(metric):
          title, unit = LABELS.get(metric, (metric, ""))
          return f"{title} ({unit})" if unit else title


      def time_axis(days):
          # Years for runs longer than two years, as in the report.
          return (365.0, "Time (years)") if days.max() >= 730 else (1.0, "Time (days)")


      # Tick labels as in the report: thousands grouped, millions as "1.5M" (no "1e7" offset text).
      COMPACT = FuncFormatter(lambda v, pos=None: f"{v / 1e6:g}M" if abs(v) >= 1e6 else f"{v:,.10g}")


      def forest(ax, labels, means, lows, highs, colors, markers, reference=None):
          # One interval per row, first row on top; a missing interval draws the point alone.
          for i, (m, lo, hi, c, mk) in enumerate(zip(means, lows, highs, colors, markers)):
              if pd.isna(m):
                  continue
              lo = m if pd.isna(lo) else lo
              hi = m if pd.isna(hi) else hi
              ax.errorbar([m], [i], xerr=[[max(0.0, m - lo)], [max(0.0, hi - m)]], fmt=mk, color=c, ecolor=c,
                          elinewidth=2, capsize=4, markersize=7)
          ax.set_yticks(range(len(labels)))
          ax.set_yticklabels(labels)
          ax.set_ylim(len(labels) - 0.4, -0.6)
          if reference is not None:
              ax.axvline(reference, color="#555555", linestyle="--", linewidth=1)
          ax.grid(axis="y", visible=False)
          ax.xaxis.set_major_formatter(COMPACT)


      def figure_legend(fig, ax, ncol):
          # One legend below all panels (per-panel legends would collide), then the layout.
          handles, labels = ax.get_legend_handles_labels()
          if not handles:
              fig.tight_layout()
              return
          rows = -(-len(labels) // ncol)
          fig.legend(handles, labels, loc="lower center", ncol=ncol, frameon=False)
          fig.tight_layout(rect=(0, min(0.4, (0.15 + 0.28 * rows) / fig.get_figheight()), 1, 1))


      def panel_grid(n, ncols, width, height):
          ncols = max(1, min(ncols, n))
          nrows = -(-n // ncols)
          fig, axes = plt.subplots(nrows, ncols, figsize=(width * ncols, height * nrows), squeeze=False)
          for ax in axes.flat[n:]:
              ax.set_visible(False)
          return fig, list(axes.flat[:n])
      """;

  private static final String PROVENANCE =
      """
      # What the manifest records about how the data were produced.
      session = manifest.get("session", {})
      for key in ["kind", "command", "govsim_version", "git_commit", "git_dirty", "seed", "master_seed",
                  "scenario_file", "scenario_sha256", "sweep_file", "sweep_sha256", "regimes", "replications"]:
          value = manifest.get(key, session.get(key))
          if value is not None:
              print(f"{key:18} {' '.join(value) if key == 'command' else value}")
      """;

  private static void gameSweep(Notebook nb) {
    nb.markdown(
        "## Load the game sweep\n\n`points.csv` has one row per point of the grid and strategy: the"
            + " swept parameters, the point's seed, the exact shares and (with `abm: true`) the agent-based mean"
            + " and interval. `stationary.csv` holds the exact stationary distribution over the monomorphic"
            + " states of every point.");
    nb.code(
        """
        points = pd.read_csv(DATA / "points.csv")
        params = list(manifest["parameters"].keys())
        # The x axis: the parameter with the most values (the last of equals), as in the report.
        x = max(reversed(params), key=lambda p: len(manifest["parameters"][p]))
        others = [p for p in params if p != x]
        print("points:", points["point"].nunique(), "| x axis:", x, "| lines by:", others or "-")
        points.head()
        """);
    nb.markdown(
        "## Stationary shares over the swept parameter\n\nSolid lines: exact small-mutation limit; dashed:"
            + " exact at the game's mutation rate; points with bars: agent-based means with 95% t-intervals, one"
            + " colour per value of the other parameters (the report's figure).");
    nb.code(
        """
        panels = []
        for pop, of_pop in points.groupby("population", sort=False):
            strategies = list(dict.fromkeys(of_pop["strategy"]))
            for s in (strategies[:1] if len(strategies) == 2 else strategies):
                panels.append((pop, s, of_pop[of_pop["strategy"] == s]))
        fig, axes = panel_grid(len(panels), 2, 5.4, 4.2)
        for ax, (pop, s, rows) in zip(axes, panels):
            groups = rows.groupby(others, sort=False) if others else [((), rows)]
            for g, (key, part) in enumerate(groups):
                key = key if isinstance(key, tuple) else (key,)
                name = ", ".join(f"{o.split('.')[-1]} = {v}" for o, v in zip(others, key))
                prefix = name + ": " if name else ""
                part = part.sort_values(x)
                color = SERIES_COLORS[g % len(SERIES_COLORS)]
                ax.plot(part[x], part["share"], color=color, linewidth=2.2, label=prefix + "exact, mu -> 0")
                if part["share_at_mutation_rate"].notna().any():
                    ax.plot(part[x], part["share_at_mutation_rate"], color=color, linewidth=2.2,
                            linestyle=(0, (6, 4)), label=prefix + "exact at mu")
                sim = part[part["abm_mean"].notna()]
                if len(sim):
                    low = (sim["abm_mean"] - sim["abm_ci_low"].fillna(sim["abm_mean"])).clip(lower=0)
                    high = (sim["abm_ci_high"].fillna(sim["abm_mean"]) - sim["abm_mean"]).clip(lower=0)
                    ax.errorbar(sim[x], sim["abm_mean"], yerr=[low, high], fmt=MARKERS[g % len(MARKERS)],
                                color=color, capsize=3, markersize=5, label=prefix + "agent-based")
            ax.set_title(f"{pop}: {s}")
            ax.set_xlabel(x)
            ax.set_ylabel(f"share of {s} in {pop}")
            ax.set_ylim(-0.02, 1.02)
        figure_legend(fig, axes[0], 3)
        plt.show()
        """);
  }

  private static void run(Notebook nb) {
    nb.markdown(
        "## Load the run\n\n`timeseries.csv` has one row per recorded step, `summary.csv` one row for the"
            + " run, `events.csv` the event log. An empty cell is undefined (NaN).");
    nb.code(
        """
        # timeseries.csv and events.csv are optional (outputs.timeseries / outputs.events in the scenario).
        ts = pd.read_csv(DATA / "timeseries.csv") if (DATA / "timeseries.csv").is_file() else None
        summary = pd.read_csv(DATA / "summary.csv")
        events = pd.read_csv(DATA / "events.csv") if (DATA / "events.csv").is_file() else None
        ts.tail() if ts is not None else print("this run recorded no time series")
        """);
    nb.markdown(
        "## Time series\n\nThe report's six time-series figures: harm, compliance and rule coverage, trust,"
            + " market concentration, governance gap and capability.");
    StringBuilder specs = new StringBuilder("RUN_FIGURES = [\n");
    for (Headlines.RunFigure f : Headlines.RUN) {
      specs
          .append("    {\"title\": ")
          .append(Py.str(f.title()))
          .append(", \"ylabel\": ")
          .append(Py.str(f.yLabel()))
          .append(", \"share\": ")
          .append(Py.bool(f.share()))
          .append(",\n     \"columns\": [");
      List<String> cols = new ArrayList<>();
      for (Headlines.Column c : f.columns())
        cols.add("(" + Py.str(c.name()) + ", " + Py.str(c.legend()) + ")");
      specs.append(String.join(", ", cols)).append("]},\n");
    }
    specs.append("]\n");
    nb.code(
        specs
            + """

        for spec in (RUN_FIGURES if ts is not None else []):
            div, xlabel = time_axis(ts["day"])
            fig, ax = plt.subplots()
            for i, (col, label) in enumerate(spec["columns"]):
                if col in ts.columns:
                    ax.plot(ts["day"] / div, ts[col], color=SERIES_COLORS[i % len(SERIES_COLORS)],
                            linestyle=SERIES_LINES[i % len(SERIES_LINES)], linewidth=2, label=label)
            ax.set(title=spec["title"], xlabel=xlabel, ylabel=spec["ylabel"])
            ax.set_xlim(left=0)
            if spec["share"]:
                ax.set_ylim(-0.02, 1.02)
            if len(spec["columns"]) > 1:
                ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2)
            fig.tight_layout()
            plt.show()
        """);
    nb.markdown("## Summary and events");
    nb.code(
        """
        summary.drop(columns=["scenario", "regime", "seed"], errors="ignore").T.rename(columns={0: "value"})
        """);
    nb.code(
        """
        if events is not None:
            display(events.groupby("type")["day"].agg(["count", "min", "max"]).sort_values("count", ascending=False))
        """);
  }

  private static void comparison(Notebook nb) {
    nb.markdown(
        "## Load the comparison\n\n`runs.csv`: one row per regime and replication (seed, status, every"
            + " summary metric); `comparison.csv`: mean, sd and interval per regime and metric; `paired_differences.csv`:"
            + " differences between regimes, paired over seeds; `timeseries_mean.csv`: per regime and step, mean and"
            + " interval of every time-series column.");
    nb.code(
        """
        runs = read_table("runs", "runs.csv")
        comparison = pd.read_csv(DATA / "comparison.csv")
        paired = pd.read_csv(DATA / "paired_differences.csv")
        tsm = pd.read_csv(DATA / "timeseries_mean.csv")
        REGIMES = manifest.get("regimes") or list(comparison["regime"].unique())
        HEADLINE = [m for m in @HEADLINE@ if m in set(comparison["metric"])]
        SERIES = @SERIES@
        LEVEL = manifest.get("confidence_level", 0.95)
        print(len(runs), "runs;", (runs["status"] != "ok").sum(), "failed")
        """
            .replace("@HEADLINE@", Py.strings(Headlines.SUMMARY))
            .replace("@SERIES@", Py.strings(Headlines.COMPARISON_SERIES)));
    nb.markdown("## Headline metrics by regime\n\nMean [confidence interval] over seeds.");
    nb.code(
        """
        def with_interval(row):
            if pd.isna(row["mean"]):
                return "n/a"
            if pd.isna(row["ci_low"]) or pd.isna(row["ci_high"]):
                return f"{row['mean']:.4g}"
            return f"{row['mean']:.4g} [{row['ci_low']:.4g}, {row['ci_high']:.4g}]"


        table = comparison[comparison["metric"].isin(HEADLINE)].copy()
        table["mean [CI]"] = table.apply(with_interval, axis=1)
        table.pivot(index="metric", columns="regime", values="mean [CI]").reindex(index=HEADLINE, columns=REGIMES)
        """);
    nb.markdown(
        "## Forest plots\n\nEach regime's mean (marker) and interval (bar), one panel per headline metric.");
    nb.code(
        """
        fig, axes = panel_grid(len(HEADLINE), 2, 5.0, 2.5)
        for ax, metric in zip(axes, HEADLINE):
            d = comparison[comparison["metric"] == metric].set_index("regime").reindex(REGIMES)
            labels = [r if pd.notna(d.loc[r, "mean"]) else r + " (n/a)" for r in REGIMES]
            forest(ax, labels, d["mean"], d["ci_low"], d["ci_high"],
                   [regime_color(r, i) for i, r in enumerate(REGIMES)],
                   [regime_marker(r, i) for i, r in enumerate(REGIMES)])
            ax.set_title(title_of(metric))
            ax.set_xlabel(LABELS.get(metric, (metric, ""))[1] or metric)
        fig.tight_layout()
        plt.show()
        """);
    nb.markdown(
        "## Paired differences\n\nFor each pair of regimes (a \u2212 b): the mean per-seed difference and its"
            + " interval; blue where the interval excludes 0, grey where it includes 0.");
    nb.code(
        """
        fig, axes = panel_grid(len(HEADLINE), 2, 5.0, max(2.3, 0.9 + 0.32 * len(REGIMES) * (len(REGIMES) - 1) / 2))
        for ax, metric in zip(axes, HEADLINE):
            d = paired[paired["metric"] == metric].reset_index(drop=True)
            excludes = (d["ci_low"] > 0) | (d["ci_high"] < 0)
            labels = [f"{a} \u2212 {b}" + ("" if pd.notna(m) else " (n/a)")
                      for a, b, m in zip(d["regime_a"], d["regime_b"], d["mean_diff"])]
            forest(ax, labels, d["mean_diff"], d["ci_low"], d["ci_high"],
                   [BLUE if e else GREY for e in excludes], ["o" if e else "s" for e in excludes], reference=0)
            ax.set_title(title_of(metric) + ": difference")
            unit = LABELS.get(metric, (metric, ""))[1]
            ax.set_xlabel("difference" + (f" ({unit})" if unit else ""))
        fig.tight_layout()
        plt.show()
        """);
    nb.markdown(
        "## Time series by regime\n\nThe mean over seeds at every recorded step (line) and its interval"
            + " (band).");
    nb.code(
        """
        div, xlabel = time_axis(tsm["day"])
        for col in SERIES:
            if col + "_mean" not in tsm.columns:
                continue
            fig, ax = plt.subplots()
            for i, regime in enumerate(REGIMES):
                d = tsm[tsm["regime"] == regime]
                x = d["day"] / div
                color = regime_color(regime, i)
                ax.fill_between(x, d[col + "_ci_low"], d[col + "_ci_high"], color=color, alpha=0.15, linewidth=0)
                ax.plot(x, d[col + "_mean"], color=color, linestyle=regime_line(regime, i), linewidth=2, label=regime)
            ax.set(title=title_of(col) + " by regime", xlabel=xlabel, ylabel=axis_label(col))
            ax.set_xlim(left=0)
            if LABELS.get(col, ("", ""))[1].startswith("share"):
                ax.set_ylim(-0.02, 1.02)
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=len(REGIMES))
            fig.tight_layout()
            plt.show()
        """);
    nb.markdown(
        "## Keep going\n\nRegimes share their seeds, so any summary metric can be compared seed by seed."
            + " For example the per-seed difference of total harm between the first and the last regime:");
    nb.code(
        """
        ok = runs[runs["status"] == "ok"]
        wide = ok.pivot(index="replication", columns="regime", values="@HARM@")
        if len(REGIMES) >= 2:
            diff = wide[REGIMES[0]] - wide[REGIMES[-1]]
            print(f"@HARM@, {REGIMES[0]} - {REGIMES[-1]}, per seed:")
            print(diff.describe())
        """
            .replace("@HARM@", Metrics.HARM_TOTAL_RUN.name()));
  }

  private static void sweep(Notebook nb) {
    nb.markdown(
        "## Load the sweep\n\n`runs.csv`: one row per run (point, parameter values, regime, replication,"
            + " seed, status, every summary metric); `aggregate.csv`: mean, sd and interval per point, regime and"
            + " metric; `sobol.csv`: Sobol indices (Sobol designs); `morris.csv`: Morris elementary effects (Morris"
            + " designs); `timeseries.csv.gz`: every run's time series"
            + " (pandas reads the gzip directly). `runs.parquet` and `timeseries.parquet` hold the same tables; the"
            + " notebook reads them instead when pyarrow or fastparquet is installed.");
    nb.code(
        """
        runs = read_table("runs", "runs.csv")
        aggregate = pd.read_csv(DATA / "aggregate.csv")
        sobol = pd.read_csv(DATA / "sobol.csv") if (DATA / "sobol.csv").is_file() else None
        morris = pd.read_csv(DATA / "morris.csv") if (DATA / "morris.csv").is_file() else None
        PARAMS = [p["key"] for p in manifest.get("parameters", []) if p["key"] in aggregate.columns]
        LOG = {p["key"]: bool(p.get("log", False)) for p in manifest.get("parameters", [])}
        REGIMES = manifest.get("regimes") or list(aggregate["regime"].unique())
        METRICS = [m for m in (manifest.get("metrics") or list(aggregate["metric"].unique()))
                   if m in set(aggregate["metric"])]
        DESIGN = manifest.get("design", "")
        SWEEP_SERIES = @SERIES@
        print(f"design {DESIGN}: {len(PARAMS)} parameters, {aggregate['point'].nunique()} points,",
              f"{len(runs)} runs ({(runs['status'] != 'ok').sum()} failed)")


        def numeric(key):
            return pd.api.types.is_numeric_dtype(aggregate[key])


        def log_scale(key):
            # As in the report: log if the sweep sampled it so, or if positive values span two decades.
            if not numeric(key):
                return False
            v = aggregate[key].dropna().unique()
            return LOG.get(key, False) or (len(v) > 1 and (v > 0).all() and v.max() / v.min() >= 100)


        def level_text(v):
            return f"{v:g}" if isinstance(v, (int, float, np.integer, np.floating)) else str(v)


        def short(key):
            return key.rsplit(".", 1)[-1]
        """
            .replace("@SERIES@", Py.strings(Headlines.SWEEP_SERIES)));
    nb.markdown(
        "## Heat maps or responses\n\nA grid over two or more parameters: heat maps over the first two (the"
            + " mean over replications in each cell, averaged over any other parameters) and, for two parameters,"
            + " response curves with intervals. A grid over one parameter: response curves. Other designs: each run's"
            + " outcome against each parameter.");
    nb.code(
        """
        if DESIGN == "grid" and len(PARAMS) >= 2:
            px, py = PARAMS[0], PARAMS[1]
            for metric in METRICS:
                d = aggregate[aggregate["metric"] == metric]
                tables = {r: d[d["regime"] == r].groupby([py, px])["mean"].mean().unstack(px) for r in REGIMES}
                values = np.concatenate([t.values.ravel() for t in tables.values()])
                values = values[np.isfinite(values)]
                vmin, vmax = (values.min(), values.max()) if len(values) else (0.0, 1.0)
                if vmax <= vmin:
                    vmin, vmax = vmin - 0.5, vmax + 0.5
                fig, axes = panel_grid(len(REGIMES), 2, 5.4, 4.6)
                for ax, regime in zip(axes, REGIMES):
                    t = tables[regime]
                    im = ax.imshow(t.values, origin="lower", cmap="viridis", vmin=vmin, vmax=vmax, aspect="auto")
                    ax.set_xticks(range(t.shape[1]))
                    ax.set_xticklabels([level_text(v) for v in t.columns])
                    ax.set_yticks(range(t.shape[0]))
                    ax.set_yticklabels([level_text(v) for v in t.index])
                    for (j, i), v in np.ndenumerate(t.values):
                        light = np.isfinite(v) and (v - vmin) / (vmax - vmin) > 0.55
                        ax.text(i, j, f"{v:.4g}" if np.isfinite(v) else "n/a", ha="center", va="center",
                                color="black" if light or not np.isfinite(v) else "white")
                    ax.set(title=f"{title_of(metric)}: {regime}", xlabel=px, ylabel=py)
                    ax.grid(False)
                    fig.colorbar(im, ax=ax, label=LABELS.get(metric, (metric, ""))[1] or metric)
                fig.tight_layout()
                plt.show()
            if len(PARAMS) == 2 and numeric(px):
                levels = sorted(aggregate[py].unique())
                for metric in METRICS:
                    fig, axes = panel_grid(len(REGIMES), 2, 5.4, 4.2)
                    for ax, regime in zip(axes, REGIMES):
                        for j, level in enumerate(levels):
                            d = aggregate[(aggregate["metric"] == metric) & (aggregate["regime"] == regime)
                                          & (aggregate[py] == level)].sort_values(px)
                            color = plt.cm.viridis(0.85 * j / max(1, len(levels) - 1))
                            ax.fill_between(d[px], d["ci_low"], d["ci_high"], color=color, alpha=0.15, linewidth=0)
                            ax.plot(d[px], d["mean"], color=color, linestyle=SERIES_LINES[j % len(SERIES_LINES)],
                                    linewidth=2, label=f"{short(py)} = {level_text(level)}")
                        if log_scale(px):
                            ax.set_xscale("log")
                        ax.set(title=f"{title_of(metric)}: {regime}", xlabel=px, ylabel=axis_label(metric))
                    figure_legend(fig, axes[0], 3)
                    plt.show()
        elif DESIGN == "grid" and len(PARAMS) == 1 and numeric(PARAMS[0]):
            px = PARAMS[0]
            fig, axes = panel_grid(len(METRICS), 2, 5.4, 4.0)
            for ax, metric in zip(axes, METRICS):
                for i, regime in enumerate(REGIMES):
                    d = aggregate[(aggregate["metric"] == metric) & (aggregate["regime"] == regime)].sort_values(px)
                    color = regime_color(regime, i)
                    ax.fill_between(d[px], d["ci_low"], d["ci_high"], color=color, alpha=0.15, linewidth=0)
                    ax.plot(d[px], d["mean"], color=color, linestyle=regime_line(regime, i), linewidth=2, label=regime)
                if log_scale(px):
                    ax.set_xscale("log")
                ax.set(title=title_of(metric), xlabel=px, ylabel=axis_label(metric))
            figure_legend(fig, axes[0], len(REGIMES))
            plt.show()
        else:
            numeric_params = [p for p in PARAMS if numeric(p) and p in runs.columns]
            ok = runs[runs["status"] == "ok"]
            for metric in METRICS:
                if metric not in ok.columns or not numeric_params:
                    continue
                ncols = len(numeric_params) if len(numeric_params) <= 2 else (2 if len(numeric_params) <= 4 else 3)
                fig, axes = panel_grid(len(numeric_params), ncols, 4.0, 3.2)
                for ax, p in zip(axes, numeric_params):
                    for i, regime in enumerate(REGIMES):
                        d = ok[ok["regime"] == regime]
                        ax.scatter(d[p], d[metric], s=28, alpha=0.75, color=regime_color(regime, i),
                                   marker=MARKERS[i % len(MARKERS)], label=regime)
                    if log_scale(p):
                        ax.set_xscale("log")
                    ax.set(title=short(p), xlabel=p, ylabel=axis_label(metric))
                fig.suptitle(title_of(metric) + " against each parameter", fontweight="bold")
                if len(REGIMES) > 1:
                    figure_legend(fig, axes[0], len(REGIMES))
                else:
                    fig.tight_layout()
                plt.show()
        """);
    nb.markdown(
        "## Sobol indices\n\nFirst-order (S1) and total (ST) indices with bootstrap intervals (Sobol designs"
            + " only).");
    nb.code(
        """
        if sobol is not None:
            for regime in REGIMES:
                s = sobol[sobol["regime"] == regime]
                if s.empty:
                    continue
                metrics = list(dict.fromkeys(s["metric"]))
                k = s["parameter"].nunique()
                fig, axes = panel_grid(len(metrics), 2, 5.6, max(2.6, 1.1 + 0.48 * k))
                for ax, metric in zip(axes, metrics):
                    d = s[s["metric"] == metric].reset_index(drop=True)
                    y = np.arange(len(d))
                    for off, col, color, marker, label in [(-0.14, "s1", BLUE, "o", "first order S1"),
                                                           (0.14, "st", VERMILLION, "s", "total ST")]:
                        lo = (d[col] - d[col + "_ci_low"]).clip(lower=0).fillna(0)
                        hi = (d[col + "_ci_high"] - d[col]).clip(lower=0).fillna(0)
                        ax.errorbar(d[col], y + off, xerr=[lo, hi], fmt=marker, color=color, ecolor=color,
                                    elinewidth=2, capsize=4, label=label)
                    ax.set_yticks(y)
                    ax.set_yticklabels(d["parameter"])
                    ax.set_ylim(len(d) - 0.4, -0.6)
                    ax.axvline(0, color="#555555", linestyle="--", linewidth=1)
                    ax.grid(axis="y", visible=False)
                    ax.set(title=f"{title_of(metric)} ({metric})", xlabel="Sobol index")
                fig.suptitle(f"Sobol indices, {regime} regime", fontweight="bold")
                figure_legend(fig, axes[0], 2)
                plt.show()
        else:
            print("not a Sobol design: no sobol.csv")
        """);
    nb.markdown(
        "## Morris screening\n\nEach parameter's mean absolute elementary effect mu* against the standard"
            + " deviation sigma of its effects (Morris designs only; groups have mu* only and are listed, not drawn).");
    nb.code(
        """
        if morris is not None:
            for regime in REGIMES:
                m = morris[morris["regime"] == regime]
                if m.empty:
                    continue
                metrics = list(dict.fromkeys(m["metric"]))
                fig, axes = panel_grid(len(metrics), 2, 5.2, 4.0)
                for ax, metric in zip(axes, metrics):
                    d = m[(m["metric"] == metric) & m["sigma"].notna()]
                    ax.scatter(d["mu_star"], d["sigma"], color=BLUE)
                    for _, row in d.iterrows():
                        ax.annotate(row["parameter"].split(".")[-1], (row["mu_star"], row["sigma"]),
                                    textcoords="offset points", xytext=(4, 4), fontsize=9)
                    ax.set_xlim(left=0)
                    ax.set_ylim(bottom=0)
                    ax.set(title=f"{title_of(metric)} ({metric})", xlabel="mu* (mean |elementary effect|)",
                           ylabel="sigma (sd of the effects)")
                fig.suptitle(f"Morris screening, {regime} regime", fontweight="bold")
                fig.tight_layout()
                plt.show()
            display(morris[morris["sigma"].isna()][["regime", "metric", "parameter", "members", "mu_star",
                                                    "mu_star_ci_low", "mu_star_ci_high"]])
        else:
            print("not a Morris design: no morris.csv")
        """);
    nb.markdown(
        "## Time series across the sweep\n\nThe mean over all runs of each regime (line) and the 10th to"
            + " 90th percentile across those runs (band): the spread the design causes, not a confidence interval.");
    nb.code(
        """
        if (DATA / "timeseries.csv.gz").is_file():
            ts = read_table("timeseries", "timeseries.csv.gz", ["run", "day"] + SWEEP_SERIES)
            ts = ts.merge(runs[["run", "regime"]], on="run")
            div, xlabel = time_axis(ts["day"])
            for col in SWEEP_SERIES:
                if col not in ts.columns:
                    continue
                fig, ax = plt.subplots()
                for i, regime in enumerate(REGIMES):
                    g = ts[ts["regime"] == regime].groupby("day")[col]
                    if g.ngroups == 0:
                        continue
                    mean = g.mean()
                    color = regime_color(regime, i)
                    ax.fill_between(mean.index / div, g.quantile(0.1), g.quantile(0.9), color=color, alpha=0.15,
                                    linewidth=0)
                    ax.plot(mean.index / div, mean, color=color, linestyle=regime_line(regime, i), linewidth=2,
                            label=regime)
                ax.set(title=title_of(col) + " across the sweep", xlabel=xlabel, ylabel=axis_label(col))
                ax.set_xlim(left=0)
                ax.legend()
                fig.tight_layout()
                plt.show()
        else:
            print("the sweep kept no time series (timeseries: false)")
        """);
    nb.markdown(
        "## Keep going\n\n`runs.csv` has every summary metric of every run with its parameter values, so"
            + " any metric can be related to any parameter, e.g. a pivot of one metric's mean per point:");
    nb.code(
        """
        if PARAMS and METRICS:
            display(aggregate[aggregate["metric"] == METRICS[0]].pivot_table(
                index=PARAMS[0], columns="regime", values="mean", aggfunc="mean"))
        """);
  }

  /** The folder relative to base, with forward slashes, or null if it cannot be expressed. */
  static String relative(Path base, Path folder) {
    try {
      Path rel = base.toAbsolutePath().normalize().relativize(folder.toAbsolutePath().normalize());
      String s = rel.toString().replace('\\', '/');
      return s.isEmpty() ? "." : s;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
