package govsim.gui;

import govsim.model.GovSimModel;
import govsim.model.ModelSpec;
import govsim.model.Phase;
import govsim.observe.Recorder;
import govsim.observe.RunListener;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import sim.display.Console;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.portrayal.Inspector;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.portrayal.network.NetworkPortrayal2D;
import sim.portrayal.network.SpatialNetwork2D;

/**
 * MASON's GUI for govsim: wraps a {@link GovSimModel} (which imports no Swing) with a network
 * display, live charts, an event panel, node inspectors and a Model tab. It only reads the model:
 * like {@code govsim run}, it attaches one {@link Recorder} at {@link Phase#OBSERVE}, and every
 * chart line, event row and flash comes from that recorder's rows and events (via {@link GuiFeed}).
 * Nothing it schedules runs on the model's schedule besides the recorder, so a run in the GUI is
 * the run {@code govsim run} makes with the same scenario and seed.
 *
 * <p>Each start replays from the scenario's seed: the Console's "increment seed on stop" is
 * switched off, and the seed is the scenario's (Model tab). A seed typed into the Console tab is
 * adopted into the scenario at the next start, so neither field is silently ignored.
 *
 * <p>At the scenario's horizon the run ends (the Console stops), as {@code govsim run} does.
 */
public final class GovSimWithUI extends GUIState {
  private static final String TITLE = "govsim";

  /**
   * Width of the network display in pixels (its height follows the field's aspect): with the legend
   * below it, the Console and events to its left and the charts to its right, the four windows fit
   * a 1366 x 768 screen.
   */
  static final int DISPLAY_WIDTH = 500;

  /** Width of the Console and of the event panel below it. */
  static final int SIDE_WIDTH = 420;

  /** Height of a window's title bar when no window manager draws one (Xvfb; the screenshot's). */
  static final int TITLE_BAR = WindowSnapshot.TITLE_BAR;

  private final ScenarioSession session;
  private final NodeActivity activity = new NodeActivity();
  private final GovernanceNetwork network = new GovernanceNetwork();
  private final GuiFeed feed;
  private final ModelParameters parameters;

  /** The Console's Parameters tab (every key, searchable); null until the Console exists. */
  private ParameterPanel parameterPanel;

  private MetricCharts charts;
  private EventLogPanel eventLog;
  private Display2D display;
  private JFrame displayFrame;
  private JFrame chartFrame;
  private JFrame eventFrame;
  private final NetworkPortrayal2D linkPortrayal = new NetworkPortrayal2D();
  private final ContinuousPortrayal2D nodePortrayal = new ContinuousPortrayal2D();

  /** The resolved scenario of the run on screen (null before the first start). */
  private volatile Map<String, Object> runningTree;

  /** The movie being exported (Swing thread), or null. */
  private FrameExport movie;

  /** The seed the Console's seed field holds, as far as this GUI knows (see the class comment). */
  private long seedInConsole;

  /** A GUI on the session's scenario. */
  public GovSimWithUI(ScenarioSession session) {
    this(session, RunListener.NONE);
  }

  /**
   * A GUI on the session's scenario whose recorded rows and events also go to {@code tap}, in the
   * model thread (the GUI-equivalence test compares them with {@code govsim run}).
   */
  public GovSimWithUI(ScenarioSession session, RunListener tap) {
    super(new GovSimModel(session.spec()));
    // The Console shows the schedule's time as "day 4, 23:00"; scheduling itself is unchanged.
    state.schedule = new DayClock();
    this.session = session;
    this.seedInConsole = session.spec().seed();
    this.feed = new GuiFeed(activity, tap, this::showRows, this::showEvents);
    this.parameters =
        new ModelParameters(session, () -> runningTree, this::refuse, this::updateModelTab);
  }

  /** The name MASON shows in the Console's title and About tab. */
  public static String getName() {
    return "govsim: AI governance";
  }

  /** The Console's About tab. */
  public static Object getInfo() {
    return "<html><body style='font-family:sans-serif;font-size:11pt;margin:8px'>"
        + "<h2>govsim</h2>"
        + "<p>Agent-based simulator of AI governance: centralized rule-making by regulators versus "
        + "distributed governance by compliance communities, reputation and competition, and their hybrid.</p>"
        + "<p><b>Network</b>: regulators on top, communities in the middle, firms below. A firm's area is its "
        + "market share, its colour the share of active known risks it mitigates (red none, green all), a magenta "
        + "ring the harmful practice. Nodes flash on outcries, sanctions, expulsions and new rules. Double-click a node "
        + "to inspect it.</p>"
        + "<p><b>Model tab</b>: the main scenario parameters with their allowed ranges; changes are validated and "
        + "take effect at the next start. The <b>Parameters</b> tab lists every key of the scenario, grouped by mechanism, "
        + "with unit, allowed and plausible range and source; type in its search field to find a key, and edit a value "
        + "there the same way. The <b>Scenario</b> menu loads another scenario file, replays a run "
        + "folder written by <tt>govsim run</tt>, or saves the scenario with your changes as a small file that "
        + "extends the original.</p>"
        + "<p><b>Exports</b>: the network window's movie button writes one PNG per step and an animated GIF; "
        + "right-click a chart to save its data as CSV or the chart as SVG or PNG. Click an event to select "
        + "its node.</p>"
        + "<p>Every start replays the scenario from its seed: the same scenario and seed give the same run here "
        + "and in <tt>govsim run</tt>.</p></body></html>";
  }

  GovSimModel model() {
    return (GovSimModel) state;
  }

  GovernanceNetwork network() {
    return network;
  }

  MetricCharts charts() {
    return charts;
  }

  EventLogPanel eventLog() {
    return eventLog;
  }

  /** The GUI's own windows: the network display, the charts and the event panel. */
  List<JFrame> windows() {
    List<JFrame> out = new ArrayList<>();
    for (JFrame f : new JFrame[] {displayFrame, chartFrame, eventFrame}) if (f != null) out.add(f);
    return out;
  }

  @Override
  public Object getSimulationInspectedObject() {
    return parameters;
  }

  /**
   * The Model tab changes only when edited, loaded or started; it is refreshed then, not every step
   * (a per-step refresh could overwrite a value while it is being typed).
   */
  @Override
  public Inspector getInspector() {
    Inspector tab = super.getInspector();
    if (tab != null) tab.setVolatile(false);
    return tab;
  }

  @Override
  public void init(Controller c) {
    super.init(c);
    display =
        new Display2D(
            DISPLAY_WIDTH,
            DISPLAY_WIDTH * GovernanceNetwork.HEIGHT / GovernanceNetwork.WIDTH,
            this);
    display.setBackdrop(Color.WHITE);
    display.setClipping(false);
    // MASON shows both scroll bars always; they only matter when zoomed in.
    display.display.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_AS_NEEDED);
    display.display.setVerticalScrollBarPolicy(JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED);
    linkPortrayal.setPortrayalForAll(new LinkPortrayal());
    nodePortrayal.setPortrayalForClass(
        FirmNode.class, new FirmPortrayal(activity, network::lastStep));
    nodePortrayal.setPortrayalForClass(
        CommunityNode.class, new CommunityPortrayal(activity, network::lastStep));
    nodePortrayal.setPortrayalForClass(
        RegulatorNode.class, new RegulatorPortrayal(activity, network::lastStep));
    // MASON's movie button needs JMF (not shipped): it exports PNG frames and a GIF instead.
    for (java.awt.event.ActionListener l : display.movieButton.getActionListeners()) {
      display.movieButton.removeActionListener(l);
    }
    display.movieButton.setToolTipText(
        "Export a movie: one PNG per step and an animated GIF (press again to stop)");
    display.movieButton.addActionListener(e -> toggleMovie());
    display.attach(linkPortrayal, "Links (membership, certification)");
    display.attach(nodePortrayal, "Regulators, communities, firms");
    displayFrame = new JFrame(TITLE + ": governance network");
    displayFrame.getContentPane().setLayout(new BorderLayout());
    displayFrame.getContentPane().add(display, BorderLayout.CENTER);
    displayFrame.getContentPane().add(new Legend(true), BorderLayout.SOUTH);
    displayFrame.setDefaultCloseOperation(JFrame.HIDE_ON_CLOSE);
    displayFrame.pack();

    charts = new MetricCharts();
    chartFrame = new JFrame(TITLE + ": metrics (recorded rows, as in timeseries.csv)");
    chartFrame.getContentPane().add(charts);
    chartFrame.setDefaultCloseOperation(JFrame.HIDE_ON_CLOSE);
    chartFrame.pack();

    eventLog = new EventLogPanel();
    eventLog.onSelect(this::selectNodeOf);
    eventLog.setPreferredSize(
        new Dimension(SIDE_WIDTH, chartFrame.getContentPane().getPreferredSize().height));
    eventFrame = new JFrame(TITLE + ": events");
    eventFrame.getContentPane().add(eventLog);
    eventFrame.setDefaultCloseOperation(JFrame.HIDE_ON_CLOSE);
    eventFrame.pack();

    for (JFrame f : windows()) c.registerFrame(f);
    if (c instanceof Console console) {
      console.setIncrementSeedOnStop(false);
      console.setNewMenuAllowed(false);
      addScenarioMenu(console);
      parameterPanel = new ParameterPanel(session, this::refuse, this::updateModelTab);
      console
          .getTabPane()
          .addTab(
              "Parameters",
              null,
              parameterPanel,
              "Every scenario key, grouped by mechanism and searchable; edits apply at the next start");
    }
    showSetUp();
    for (JFrame f : windows()) f.setVisible(true);
  }

  @Override
  public void start() {
    adoptConsoleSeed();
    model().respecify(session.spec());
    runningTree = session.resolved();
    super.start();
    ModelSpec spec = model().spec();
    activity.clear();
    feed.clear();
    onSwing(
        () -> {
          if (charts != null) charts.clear();
          if (eventLog != null) eventLog.clear();
        });
    Recorder recorder = new Recorder(spec, model()::world, feed);
    state.schedule.scheduleRepeating(
        Schedule.EPOCH, Phase.OBSERVE.ordering(), recorder, spec.time().dtDays());
    network.reset(model().world(), activity, expectedFirms(spec));
    // Runs after each model step, before the display's repaint (scheduled later by reset()).
    scheduleRepeatingImmediatelyAfter(s -> afterStep());
    if (display != null) {
      linkPortrayal.setField(new SpatialNetwork2D(network.field(), network.links()));
      nodePortrayal.setField(network.field());
      display.reset();
      display.repaint();
    }
    // Not updateModelTab: its set-up preview would replace the run just built on the network
    // (the Console may still report the stopped state while start runs).
    onSwing(this::refreshModelTab);
  }

  /** Model thread, after each step: the network follows the world; rows and events go to Swing. */
  private void afterStep() {
    network.update();
    feed.handOverLater();
    onSwing(this::captureFrame);
    // The run ends at the horizon, as in govsim run: the Console stops at the next step.
    if (model().isDone()) state.kill();
  }

  // ---------------------------------------------------------------- movie export, event selection

  private void toggleMovie() {
    if (movie != null) {
      Path folder = movie.folder();
      int n = movie.frames();
      stopMovie();
      JOptionPane.showMessageDialog(
          parentFrame(),
          n + " frames written to " + folder + " (frame-NNNNN.png and movie.gif).",
          "Movie exported",
          JOptionPane.INFORMATION_MESSAGE);
      return;
    }
    JFileChooser chooser = new JFileChooser(new File("."));
    chooser.setDialogTitle("Folder for the movie frames (PNG) and movie.gif");
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    chooser.setSelectedFile(new File("movie"));
    if (chooser.showSaveDialog(parentFrame()) != JFileChooser.APPROVE_OPTION) return;
    Optional<String> problem = startMovie(chooser.getSelectedFile().toPath());
    problem.ifPresent(this::refuse);
  }

  /**
   * Starts exporting a frame of the network window after every step into {@code folder} (and the
   * current picture at once). Swing thread.
   *
   * @return the problem, or empty if started
   */
  Optional<String> startMovie(Path folder) {
    try {
      stopMovie();
      movie = new FrameExport(folder);
      if (display != null) display.movieButton.setIcon(Display2D.MOVIE_ON_ICON);
      captureFrame();
      return Optional.empty();
    } catch (java.io.IOException | RuntimeException e) {
      movie = null;
      return Optional.of("cannot write the movie to " + folder + ": " + e.getMessage());
    }
  }

  /** Finishes the movie being exported, if any. Swing thread. */
  void stopMovie() {
    if (movie == null) return;
    try {
      movie.close();
    } catch (java.io.IOException e) {
      refuse("cannot finish " + movie.folder().resolve("movie.gif") + ": " + e.getMessage());
    }
    movie = null;
    if (display != null) display.movieButton.setIcon(Display2D.MOVIE_OFF_ICON);
  }

  /** Frames exported so far (0 when no movie is being exported). */
  int movieFrames() {
    return movie == null ? 0 : movie.frames();
  }

  /** Swing thread: one movie frame, the network window's picture (display and legend). */
  private void captureFrame() {
    if (movie == null || displayFrame == null) return;
    java.awt.Container c = displayFrame.getContentPane();
    if (c.getWidth() <= 0 || c.getHeight() <= 0) return;
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(
            c.getWidth(), c.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    c.printAll(g);
    g.dispose();
    try {
      movie.add(img);
    } catch (java.io.UncheckedIOException e) {
      stopMovie();
      refuse(e.getMessage());
    }
  }

  /** Selects, on the network display, the node an event in the log is about. Swing thread. */
  private void selectNodeOf(govsim.world.WorldEvent e) {
    if (display == null) return;
    Object node = network.nodeFor(e);
    if (node == null) return;
    sim.portrayal.LocationWrapper w = nodePortrayal.getWrapper(node);
    if (w == null) return;
    display.performSelection(w);
    display.repaint();
  }

  @Override
  public void quit() {
    stopMovie();
    super.quit();
    for (JFrame f : windows()) f.dispose();
    displayFrame = chartFrame = eventFrame = null;
    display = null;
  }

  @Override
  public boolean validSimState(SimState s) {
    return s instanceof GovSimModel;
  }

  /** A seed typed into the Console tab (which MASON sets before each start) joins the scenario. */
  private void adoptConsoleSeed() {
    long consoleSeed = state.seed();
    if (consoleSeed != seedInConsole) {
      session.set("seed", consoleSeed).ifPresent(this::refuse);
      seedInConsole = consoleSeed;
    }
  }

  private static int expectedFirms(ModelSpec spec) {
    double entrants = spec.competition().entryRatePerYear() * spec.time().horizonDays() / 365.0;
    return (int)
        Math.min(
            spec.competition().maxFirms(), spec.firms().count() + Math.ceil(1.5 * entrants) + 2);
  }

  private void showRows(List<double[]> rows) {
    if (charts != null) charts.append(rows);
  }

  private void showEvents(List<govsim.world.WorldEvent> events) {
    if (eventLog != null) eventLog.append(events);
  }

  // ---------------------------------------------------------------- Model tab and Scenario menu

  /** Shows a refused change or load; the value on screen stays the old one. */
  private void refuse(String message) {
    if (GraphicsEnvironment.isHeadless() || controller == null) {
      System.err.println("govsim: refused: " + message);
      return;
    }
    onSwing(
        () ->
            JOptionPane.showMessageDialog(
                parentFrame(),
                scrollable(message),
                "Value refused: not applied",
                JOptionPane.ERROR_MESSAGE));
  }

  /**
   * While no run is on screen, the network shows the world that the next start builds (its day 0,
   * from the same scenario and seed), so the display is drawn at set-up and follows Model-tab edits
   * and loads (a stopped run stays on screen until then). The preview is a separate model: the run
   * itself is built afresh by {@link #start}.
   */
  private void showSetUp() {
    if (display == null || network == null) return;
    if (!(controller instanceof Console c) || c.getPlayState() != Console.PS_STOPPED) return;
    GovSimModel preview = new GovSimModel(session.spec());
    preview.start();
    network.reset(preview.world(), activity, expectedFirms(session.spec()));
    linkPortrayal.setField(new SpatialNetwork2D(network.field(), network.links()));
    nodePortrayal.setField(network.field());
    display.reset();
    display.repaint();
  }

  /** After an edit or a load: the tabs, and the network's set-up preview while stopped. */
  private void updateModelTab() {
    refreshModelTab();
    showSetUp();
  }

  /** The Parameters and Model tabs and the window title show the current scenario. */
  private void refreshModelTab() {
    if (parameterPanel != null) parameterPanel.refresh();
    if (controller instanceof Console console) {
      Inspector tab = console.getModelInspector();
      if (tab != null) tab.updateInspector();
    }
    if (controller instanceof JFrame frame) frame.setTitle(getName() + ": " + session.origin());
  }

  private void addScenarioMenu(Console console) {
    JMenuBar bar = console.getJMenuBar();
    if (bar == null) return;
    disableCheckpointItems(bar);
    JMenu menu = new JMenu("Scenario");
    JMenuItem load = new JMenuItem("Load scenario file...");
    load.addActionListener(e -> chooseScenarioFile());
    JMenuItem replay = new JMenuItem("Replay run folder...");
    replay.addActionListener(e -> chooseRunFolder());
    JMenuItem save = new JMenuItem("Save scenario...");
    save.setToolTipText(
        "Write the scenario with the Model tab's changes as a small file that extends the original");
    save.addActionListener(e -> chooseSaveFile());
    menu.add(load);
    menu.add(replay);
    menu.add(save);
    bar.add(menu);
    bar.revalidate();
  }

  /**
   * MASON's checkpoint items (Open, Save, Save As) would serialize the model, which govsim does not
   * support: a run is reproduced from its scenario and seed instead (Scenario menu).
   */
  private static void disableCheckpointItems(JMenuBar bar) {
    for (int m = 0; m < bar.getMenuCount(); m++) {
      JMenu menu = bar.getMenu(m);
      if (menu == null) continue;
      for (int i = 0; i < menu.getItemCount(); i++) {
        JMenuItem item = menu.getItem(i);
        if (item == null) continue;
        String t = item.getText();
        if (t.startsWith("Open") || t.startsWith("Save")) {
          item.setEnabled(false);
          item.setToolTipText(
              "Runs are replayed from scenario and seed: use Scenario > Replay run folder");
        }
      }
    }
  }

  private void chooseScenarioFile() {
    JFileChooser chooser =
        new JFileChooser(
            new File("scenarios").isDirectory() ? new File("scenarios") : new File("."));
    chooser.setDialogTitle("Load a scenario file");
    chooser.setFileFilter(
        new FileNameExtensionFilter("Scenario files (*.yaml, *.yml)", "yaml", "yml"));
    if (chooser.showOpenDialog(parentFrame()) != JFileChooser.APPROVE_OPTION) return;
    loaded(session.loadFile(chooser.getSelectedFile().toPath()));
  }

  private void chooseRunFolder() {
    JFileChooser chooser =
        new JFileChooser(new File("results").isDirectory() ? new File("results") : new File("."));
    chooser.setDialogTitle("Replay a run folder (written by govsim run, compare or sweep)");
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    if (chooser.showOpenDialog(parentFrame()) != JFileChooser.APPROVE_OPTION) return;
    Path dir = chooser.getSelectedFile().toPath();
    loaded(session.loadRunFolder(dir));
  }

  private void chooseSaveFile() {
    Path original = session.file().toAbsolutePath();
    File dir = original.getParent() == null ? new File(".") : original.getParent().toFile();
    JFileChooser chooser = new JFileChooser(dir);
    chooser.setDialogTitle(
        "Save the scenario (the Model tab's changes over " + original.getFileName() + ")");
    chooser.setFileFilter(
        new FileNameExtensionFilter("Scenario files (*.yaml, *.yml)", "yaml", "yml"));
    chooser.setSelectedFile(new File(dir, session.spec().name() + "-edited.yaml"));
    if (chooser.showSaveDialog(parentFrame()) != JFileChooser.APPROVE_OPTION) return;
    Path target = chooser.getSelectedFile().toPath();
    if (!target.getFileName().toString().matches(".*\\.ya?ml")) {
      target = target.resolveSibling(target.getFileName() + ".yaml");
    }
    if (java.nio.file.Files.exists(target)
        && JOptionPane.showConfirmDialog(
                parentFrame(),
                target + " exists. Replace it?",
                "Replace file",
                JOptionPane.YES_NO_OPTION)
            != JOptionPane.YES_OPTION) return;
    Optional<String> problem = session.save(target);
    if (problem.isPresent()) {
      refuse(problem.get());
      return;
    }
    JOptionPane.showMessageDialog(
        parentFrame(),
        "Saved " + target + ".\nRun it with: ./govsim run " + target,
        "Scenario saved",
        JOptionPane.INFORMATION_MESSAGE);
  }

  private void loaded(java.util.Optional<String> refusal) {
    if (refusal.isPresent()) {
      refuse(refusal.get());
      return;
    }
    updateModelTab();
    boolean stopped = !(controller instanceof Console c) || c.getPlayState() == Console.PS_STOPPED;
    JOptionPane.showMessageDialog(
        parentFrame(),
        "Loaded "
            + session.origin()
            + ".\n"
            + (stopped
                ? "Press Play to run it."
                : "It runs at the next start: press Stop, then Play."),
        "Scenario loaded",
        JOptionPane.INFORMATION_MESSAGE);
  }

  private Component parentFrame() {
    return controller instanceof Component c ? c : null;
  }

  private static Component scrollable(String message) {
    JTextArea text = new JTextArea(message);
    text.setEditable(false);
    text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    text.setForeground(new Color(160, 0, 0));
    text.setLineWrap(true);
    text.setWrapStyleWord(true);
    text.setColumns(70);
    text.setRows(Math.min(12, 1 + (int) message.chars().filter(ch -> ch == '\n').count()));
    return new JScrollPane(text);
  }

  /**
   * Tiles the windows in three columns: the Console above the event panel, the network display with
   * its legend, and the charts; on a 1366 x 768 screen they fill it without overlapping (each can
   * be moved and resized). Without a window manager (Xvfb) a title bar's height is left above each
   * window, where the screenshot draws one.
   */
  void arrangeWindows(Component console) {
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    int bar = displayFrame.getInsets().top > 0 ? 0 : TITLE_BAR;
    int x0 = screen.x;
    int y0 = screen.y + bar;
    int height = screen.height - bar;
    int consoleHeight = Math.max(360, (int) Math.round(0.54 * height));
    if (console != null) {
      console.setSize(SIDE_WIDTH, consoleHeight - bar);
      console.setLocation(x0, y0);
    }
    int cw = console == null ? 0 : SIDE_WIDTH;
    eventFrame.setSize(SIDE_WIDTH, Math.max(200, height - consoleHeight - bar));
    eventFrame.setLocation(x0, y0 + consoleHeight);
    displayFrame.setLocation(x0 + cw, y0);
    int chartWidth = Math.max(chartFrame.getWidth(), screen.width - cw - displayFrame.getWidth());
    chartFrame.setSize(chartWidth, Math.max(chartFrame.getHeight(), height));
    chartFrame.setLocation(x0 + cw + displayFrame.getWidth(), y0);
    for (JFrame f : windows()) f.validate();
  }

  /**
   * Runs on the Swing thread: now if already there, else later (never waiting: see MASON's
   * locking).
   */
  private static void onSwing(Runnable r) {
    if (SwingUtilities.isEventDispatchThread()) {
      r.run();
    } else {
      SwingUtilities.invokeLater(r);
    }
  }
}
