package govsim.scenario;

/**
 * Thrown by a record's constructor to blame one key below the record (a check across sections, say
 * an event naming a firm that does not exist). The loader reports it like any other error, at the
 * position where that key is written, with its full key path.
 */
public final class InvalidKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String keyPath;

  /**
   * @param keyPath the key's path relative to the record, e.g. {@code events[2].firm}
   * @param message what was expected and what was found
   */
  public InvalidKeyException(String keyPath, String message) {
    super(message);
    this.keyPath = keyPath;
  }

  /** The key's path relative to the record that threw. */
  public String keyPath() {
    return keyPath;
  }
}
