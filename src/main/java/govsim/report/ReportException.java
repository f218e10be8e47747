package govsim.report;

/**
 * A report or notebook cannot be made from what the user gave (a folder that does not exist, is not
 * a govsim output folder, lacks a file, or already holds a report). The message is meant for the
 * user as it stands: it names the folder or file and says what to do; the command line prints it
 * without a stack trace and exits with code 2.
 */
public final class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }
}
