package govsim.world;

/**
 * One line of the event log (MODEL.md §7): what happened ({@link EventKind}), when, and to whom.
 * Ids are -1 where they do not apply; value is the event's magnitude (severity, fine, lag, ...);
 * detail is short text.
 */
public record WorldEvent(
    long step,
    double day,
    EventKind type,
    int firm,
    int community,
    int risk,
    int jurisdiction,
    double value,
    String detail) {}
