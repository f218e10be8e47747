package govsim.gui;

import govsim.observe.RunListener;
import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Toolkit;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import sim.display.Console;

/**
 * Opens MASON's Console on govsim and drives it: play a number of steps, save one screenshot of all
 * windows, close. {@code govsim gui} and the GUI tests use it; everything that touches Swing runs
 * on the Swing thread.
 *
 * <p>Steps are played through the Console itself (start paused, then its step button with N steps
 * per press), so a scripted run goes through exactly the code path of a user's run.
 */
public final class GuiLauncher {
  /** What {@code govsim gui} prints when there is no display to open. */
  public static final String NO_DISPLAY = "no display: run under xvfb-run or set DISPLAY";

  /** An open GUI: the GUIState and its Console. */
  public record Opened(GovSimWithUI gui, Console console) {}

  private GuiLauncher() {}

  /** Null when windows can be opened, else why not (starting with {@link #NO_DISPLAY}). */
  public static String displayProblem() {
    if (GraphicsEnvironment.isHeadless()) return NO_DISPLAY;
    try {
      GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
      Toolkit.getDefaultToolkit().getScreenSize();
      return null;
    } catch (AWTError | HeadlessException | InternalError | UnsatisfiedLinkError e) {
      return NO_DISPLAY + " (" + e.getMessage() + ")";
    }
  }

  /** Opens the Console and the GUI's windows on the session's scenario (stopped, not started). */
  public static Opened open(ScenarioSession session, RunListener tap) {
    return onSwing(
        () -> {
          GovSimWithUI gui = new GovSimWithUI(session, tap);
          Console console = new Console(gui);
          gui.arrangeWindows(console);
          console.setVisible(true);
          for (JFrame f : gui.windows()) f.toFront();
          return new Opened(gui, console);
        });
  }

  /**
   * Starts the run paused and plays {@code steps} steps (fewer if the horizon comes first, where
   * the run ends), then waits until the charts and event panel have received every row and event.
   */
  public static void play(Opened o, long steps) {
    onSwing(
        () -> {
          if (o.console().getPlayState() == Console.PS_STOPPED) o.console().pressPause();
          if (steps > 0) {
            o.console().setNumStepsPerStepButtonPress((int) Math.min(Integer.MAX_VALUE, steps));
            o.console().pressPlay();
            o.console().setNumStepsPerStepButtonPress(1);
          }
          return null;
        });
    // The hand-overs to the charts were queued on the Swing thread while it was stepping.
    onSwing(() -> null);
  }

  /** Steps played so far in the run on screen. */
  public static long stepsPlayed(Opened o) {
    return onSwing(() -> o.gui().state.schedule.getSteps());
  }

  /**
   * Saves one PNG of the Console, the network display, the charts and the event panel.
   *
   * @throws IOException if the file cannot be written
   */
  public static void screenshot(Opened o, Path file) throws IOException {
    screenshot(o, file, "Model");
  }

  /** As {@link #screenshot(Opened, Path)}, with the Console's tab {@code tab} selected. */
  public static void screenshot(Opened o, Path file, String tab) throws IOException {
    BufferedImage img =
        onSwing(
            () -> {
              List<JFrame> w = o.gui().windows();
              showTab(o.console(), tab);
              for (JFrame f : w) f.getRootPane().validate();
              o.console().getRootPane().validate();
              // The windows where they lie on the screen (arranged by GovSimWithUI).
              List<JFrame> all = new java.util.ArrayList<>();
              all.add(o.console());
              all.addAll(w);
              return WindowSnapshot.desktop(
                  GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds(), all);
            });
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer available");
  }

  /** Selects a Console tab (the Model tab shows the scenario's main parameters). */
  private static void showTab(Console console, String tab) {
    javax.swing.JTabbedPane tabs = console.getTabPane();
    int i = tabs.indexOfTab(tab);
    if (i >= 0) tabs.setSelectedIndex(i);
    console.getRootPane().validate();
  }

  /** Closes the GUI's windows without ending the JVM (MASON's own close would exit it). */
  public static void close(Opened o) {
    onSwing(
        () -> {
          if (o.console().getPlayState() != Console.PS_STOPPED) o.console().pressStop();
          o.gui().quit();
          o.console().setVisible(false);
          o.console().dispose();
          return null;
        });
  }

  /** Blocks until the user closes the Console (MASON then usually ends the JVM itself). */
  public static void awaitClose(Opened o) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    onSwing(
        () -> {
          o.console()
              .addWindowListener(
                  new WindowAdapter() {
                    @Override
                    public void windowClosed(WindowEvent e) {
                      closed.countDown();
                    }
                  });
          if (!o.console().isDisplayable()) closed.countDown();
          return null;
        });
    closed.await();
  }

  /** Runs a task on the Swing thread and returns its value, rethrowing its failure. */
  static <T> T onSwing(java.util.concurrent.Callable<T> task) {
    if (SwingUtilities.isEventDispatchThread()) {
      try {
        return task.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    AtomicReference<T> result = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            try {
              result.set(task.call());
            } catch (RuntimeException e) {
              throw e;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error er) throw er;
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Swing thread", e);
    }
    return result.get();
  }
}
